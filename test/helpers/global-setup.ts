import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ORACLE_BIN, REPO } from './paths.ts';

/**
 * Runs once before all test files: builds the Go oracle (x/exp/trace, fetched
 * through the Go module proxy on first use) and the CLI bundle the CLI tests run.
 */
export default function setup(): void {
  mkdirSync(CACHE, { recursive: true });
  execFileSync('go', ['build', '-o', ORACLE_BIN, '.'], { cwd: join(REPO, 'fixtures/oracle'), stdio: 'inherit' });
  execFileSync(process.execPath, [join(REPO, 'scripts/build-server.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (!existsSync(ORACLE_BIN)) throw new Error('oracle build produced no binary');
}
