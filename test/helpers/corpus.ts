import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, CORPUS_AVAILABLE } from './paths.ts';

export interface CorpusEntry {
  /** Path relative to the corpus root. */
  file: string;
  path: string;
  header: string;
  ok: boolean;
  /** Events Go's reader yields before EOF or its error. */
  events: number;
  /** Kind counts (ok files) … */
  kinds: Record<string, number>;
  /** … or Go's error message. */
  goError: string;
}

/** Rows of EXPECTED.tsv: Go's own verdict on every corpus file. */
export function corpusEntries(): CorpusEntry[] {
  if (!CORPUS_AVAILABLE) return [];
  const rows = readFileSync(join(CORPUS, 'EXPECTED.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [file, header, result, events, detail] = row.split('\t');
    const ok = result === 'ok';
    const kinds: Record<string, number> = {};
    if (ok) {
      for (const kv of detail.split(',')) {
        const [k, v] = kv.split('=');
        kinds[k] = Number(v);
      }
    }
    return { file, path: join(CORPUS, file), header, ok, events: Number(events), kinds, goError: ok ? '' : detail };
  });
}
