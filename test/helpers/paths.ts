import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/helpers/paths.ts). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_TRACES = join(REPO, 'fixtures/traces');
export const CACHE = join(REPO, '.cache');
export const ORACLE_BIN = join(CACHE, 'oracle');
export const CLI_BUNDLE = join(REPO, 'dist/server/main.mjs');

/**
 * The shared corpus of real traces from Go's test suite lives beside the
 * checkout (../shared/corpus) and is not ours to commit. A fresh clone has no
 * copy: corpus tests are then skipped with a note, except in CI (CI=true),
 * where a missing corpus is a failure.
 */
export const CORPUS = process.env.GOTRACE_CORPUS ?? resolve(REPO, '../shared/corpus');
export const CORPUS_AVAILABLE = existsSync(join(CORPUS, 'EXPECTED.tsv'));
export const IN_CI = process.env.CI === 'true';
