// Runs the CLI from TypeScript sources (development): npx tsx scripts/dev-cli.ts stats FILE
import { main } from '../server/cli/main.ts';

const status = await main(process.argv.slice(2));
if (status !== null) process.exitCode = status;
