import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/model/build-model.ts';
import { TraceError } from '../../server/trace/trace-error.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

describe('the model of a trace cut anywhere', () => {
  // A cut just past the first generation once escaped as an untyped error: the
  // salvage pass asked for one event too many and read into the damage again.
  it.each(['chansel-go1.26.trace', 'chansel-go1.22.trace', 'chansel-go1.19.trace'])('%s cut at 40 points: a salvaged model or a TraceError, nothing else', (name) => {
    const full = new Uint8Array(readFileSync(join(FIXTURE_TRACES, name)));
    let salvaged = 0;
    let failed = 0;
    for (let k = 1; k <= 40; k++) {
      const cut = full.slice(0, Math.floor((full.length * k) / 41));
      try {
        const m = buildModel(cut);
        expect(m.salvage).not.toBeNull();
        expect(m.salvage!.validBytes).toBeLessThanOrEqual(cut.length);
        salvaged++;
      } catch (e) {
        expect(e).toBeInstanceOf(TraceError);
        failed++;
      }
    }
    expect(salvaged + failed).toBe(40);
    // Two generations (new format): cuts in the second keep the first.
    if (!name.endsWith('1.19.trace')) expect(salvaged).toBeGreaterThan(0);
  });
});
