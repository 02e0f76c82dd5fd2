import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ORACLE_BIN, REPO } from './paths.ts';

/**
 * Runs once before all test files: builds the Go oracle (x/exp/trace, fetched
 * through the Go module proxy on first use), the CLI bundle the CLI tests run
 * and the web app the browser tests load.
 */
export default function setup(): void {
  mkdirSync(CACHE, { recursive: true });
  execFileSync('go', ['build', '-o', ORACLE_BIN, '.'], { cwd: join(REPO, 'fixtures/oracle'), stdio: 'inherit' });
  execFileSync(process.execPath, [join(REPO, 'scripts/build-server.mjs')], { cwd: REPO, stdio: 'inherit' });
  // The browser tests load the built web app from the server (about 3 s).
  execFileSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  if (!existsSync(ORACLE_BIN)) throw new Error('oracle build produced no binary');
}
