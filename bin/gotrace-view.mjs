#!/usr/bin/env node
// gotrace-view: runs the bundled CLI (built by `npm install` / `npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MALLOC_ENV, NODE_FLAGS } from './node-env.mjs';

// V8 reads its flags and glibc its environment only at start-up, so re-run
// node with them when they are missing (node-env.mjs says why each).
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const env = { ...MALLOC_ENV, ...process.env };
  const r = spawnSync(process.execPath, [...NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  process.exit(r.status ?? (r.signal ? 128 + 2 : 1));
}

const bundle = fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('gotrace-view: dist/ is missing; run `npm install` (or `npm run build`) in the gotrace-view directory first.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
