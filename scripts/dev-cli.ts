// Runs the CLI from TypeScript sources (development): npx tsx scripts/dev-cli.ts stats FILE
import { main } from '../server/cli/main.ts';
process.exitCode = await main(process.argv.slice(2));
