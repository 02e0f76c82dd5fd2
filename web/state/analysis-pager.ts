/**
 * The goroutine analysis table's rows, fetched a page at a time from the
 * server, which sorts them: a group of 960 000 goroutines (the 68 MB bench
 * trace) is 140 MB of JSON whole, and 200 rows are about 30 KB.
 */
import type { GoroutineAnalysisResponse, GoroutineRow } from '../../shared/api.ts';
import type { AnalysisQuery, TimeRange, TraceApi } from '../data/api-client.ts';

export const ANALYSIS_PAGE_SIZE = 200;

/** The table's column ids → the server's sort keys. */
export function serverSortKey(column: string): string {
  switch (column) {
    case 'id':
      return 'id';
    case 'bar':
      return 'execShare';
    case 'execNs':
      return 'exec';
    case 'schedWaitNs':
      return 'schedWait';
    case 'syscallNs':
      return 'syscall';
    case 'unknownNs':
      return 'unknown';
    case 'totalNs':
      return 'total';
    default:
      return column; // block:<reason>, range:<name>
  }
}

export interface PagerState {
  status: 'loading' | 'done' | 'error';
  message?: string;
  total: number;
  blockReasons: string[];
  rangeNames: string[];
}

/** One sorted listing (range, group, sort): its pages as they load. */
export class AnalysisPager {
  private readonly pages = new Map<number, GoroutineRow[]>();
  private readonly loading = new Set<number>();
  private readonly ctl = new AbortController();
  private readonly listeners = new Set<() => void>();
  state: PagerState = { status: 'loading', total: 0, blockReasons: [], rangeNames: [] };

  constructor(
    private readonly api: Pick<TraceApi, 'goroutineAnalysis'>,
    private readonly range: TimeRange | null,
    private readonly query: Pick<AnalysisQuery, 'group' | 'sort' | 'order'>,
  ) {
    this.load(0);
  }

  rowAt(i: number): GoroutineRow | undefined {
    return this.pages.get(Math.floor(i / ANALYSIS_PAGE_SIZE))?.[i % ANALYSIS_PAGE_SIZE];
  }

  /** Loads the pages of rows [first, last). */
  ensure(first: number, last: number): void {
    if (last <= first) return;
    for (let p = Math.floor(first / ANALYSIS_PAGE_SIZE); p <= Math.floor((last - 1) / ANALYSIS_PAGE_SIZE); p++) this.load(p);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  dispose(): void {
    this.ctl.abort();
    this.listeners.clear();
  }

  private load(page: number): void {
    if (this.pages.has(page) || this.loading.has(page) || this.ctl.signal.aborted) return;
    this.loading.add(page);
    this.api.goroutineAnalysis(this.range, { ...this.query, offset: page * ANALYSIS_PAGE_SIZE, limit: ANALYSIS_PAGE_SIZE }, this.ctl.signal).then(
      (r: GoroutineAnalysisResponse) => {
        this.loading.delete(page);
        this.pages.set(page, r.goroutines);
        this.state = { status: 'done', total: r.total, blockReasons: r.blockReasons, rangeNames: r.rangeNames };
        this.notify();
      },
      (e: unknown) => {
        this.loading.delete(page);
        if (this.ctl.signal.aborted) return;
        this.state = { ...this.state, status: 'error', message: (e as Error).message ?? String(e) };
        this.notify();
      },
    );
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
