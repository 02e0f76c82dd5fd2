import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the installed package (where package.json is), from the running file. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The trace opened when none is given: one of the committed fixtures. */
export function exampleTrace(): string {
  return join(packageRoot(), 'fixtures/traces/chansel-go1.26.trace');
}
