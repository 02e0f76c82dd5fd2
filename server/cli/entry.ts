import { main } from './main.ts';

const status = await main(process.argv.slice(2));
if (status !== null) process.exitCode = status;
