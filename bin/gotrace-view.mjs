#!/usr/bin/env node
// gotrace-view: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/server/main.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('gotrace-view: dist/ is missing; run `npm install` (or `npm run build`) in the gotrace-view directory first.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
