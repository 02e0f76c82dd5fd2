import { describe, expect, it } from 'vitest';
import type { GoroutineAnalysisResponse, GoroutineRow } from '../../shared/api.ts';
import type { AnalysisQuery } from '../../web/data/api-client.ts';
import { ANALYSIS_PAGE_SIZE, AnalysisPager, serverSortKey } from '../../web/state/analysis-pager.ts';

const row = (id: number): GoroutineRow => ({ id, group: 'g', createdNs: 0, endNs: -1, totalNs: id, execNs: 0, schedWaitNs: 0, syscallNs: 0, blockNs: {}, unknownNs: 0, rangeNs: {} });

function fakeApi(total: number) {
  const calls: AnalysisQuery[] = [];
  return {
    calls,
    api: {
      goroutineAnalysis: async (_range: unknown, q: AnalysisQuery): Promise<GoroutineAnalysisResponse> => {
        calls.push(q);
        const ids = Array.from({ length: Math.max(0, Math.min(q.limit!, total - q.offset!)) }, (_, i) => q.offset! + i);
        return { startNs: 0, endNs: 1, groups: [], total, offset: q.offset!, goroutines: ids.map(row), blockReasons: ['sync'], rangeNames: [] };
      },
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('analysis pager', () => {
  it('loads the first page at once, then only the pages of the rows in view, each once', async () => {
    const f = fakeApi(1000);
    const p = new AnalysisPager(f.api, null, { group: 'g', sort: 'exec', order: 'desc' });
    await tick();
    expect(p.state).toMatchObject({ status: 'done', total: 1000, blockReasons: ['sync'] });
    expect(p.rowAt(5)?.id).toBe(5);
    expect(p.rowAt(450)).toBeUndefined();
    p.ensure(430, 470);
    p.ensure(440, 460);
    await tick();
    expect(f.calls.map((c) => c.offset)).toEqual([0, 2 * ANALYSIS_PAGE_SIZE]);
    expect(f.calls.every((c) => c.group === 'g' && c.sort === 'exec' && c.limit === ANALYSIS_PAGE_SIZE)).toBe(true);
    expect(p.rowAt(450)?.id).toBe(450);
  });

  it('a disposed pager loads nothing more', async () => {
    const f = fakeApi(1000);
    const p = new AnalysisPager(f.api, null, {});
    p.dispose();
    p.ensure(600, 700);
    await tick();
    expect(f.calls).toHaveLength(1);
  });

  it("maps the table's columns to the server's sort keys", () => {
    expect(['id', 'totalNs', 'bar', 'execNs', 'schedWaitNs', 'syscallNs', 'unknownNs', 'block:sync', 'range:GC mark assist'].map(serverSortKey)).toEqual([
      'id',
      'total',
      'execShare',
      'exec',
      'schedWait',
      'syscall',
      'unknown',
      'block:sync',
      'range:GC mark assist',
    ]);
  });
});
