#!/usr/bin/env node
// gotrace-view: runs the bundled CLI (built by `npm install` / `npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A 1 MiB young generation keeps peak memory near the trace size while parsing
// (the default 16 MiB semi-spaces alone add ~40 MB of RSS) and is no slower:
// nearly everything the reader allocates dies young. V8 reads the flag only at
// start-up, so re-run node with it when it is missing.
// glibc otherwise raises its mmap threshold after the model builder frees its
// large build columns, and the freed memory stays in the process (+250 MB RSS
// on a 60 MB trace); a fixed threshold returns it to the system.
const FLAG = '--max-semi-space-size=1';
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const env = { MALLOC_MMAP_THRESHOLD_: '65536', ...process.env };
  const r = spawnSync(process.execPath, [FLAG, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  process.exit(r.status ?? (r.signal ? 128 + 2 : 1));
}

const bundle = fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('gotrace-view: dist/ is missing; run `npm install` (or `npm run build`) in the gotrace-view directory first.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
