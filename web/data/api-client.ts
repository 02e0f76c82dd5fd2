/**
 * The server API as one interface, so state and views can be tested with a
 * fake. createHttpApi is the real one and the only code of the app that calls
 * fetch (the architecture test checks it).
 */
import type { AnnotationKind } from '../../shared/lane-tracks.ts';
import {
  API,
  type AnnotationDetail,
  type GoroutineAnalysisResponse,
  type GoroutineListResponse,
  type GoroutineLocation,
  type MmuResponse,
  type MmuWindow,
  type ProfileResponse,
  type RegionsResponse,
  type SelectionSummary,
  type SpanDetail,
  type TasksResponse,
  type TraceSummary,
} from '../../shared/api.ts';
import { decodeChunk, type Chunk } from '../../shared/chunk-codec.ts';
import type { FlowKind, FlowsResponse, TaskDetail } from '../../shared/flow-api.ts';
import type { RelatedGoroutines } from '../../shared/related-api.ts';
import type { SearchResponse } from '../../shared/search-api.ts';

export type ProfileKind = 'net' | 'sync' | 'syscall' | 'sched';

export interface TimeRange {
  startNs: number;
  endNs: number;
}

export interface ChunkQuery {
  lanes: string[];
  startNs: number;
  endNs: number;
  nsPerPx: number;
}

/** Flow arrows with an end on these lanes inside [startNs, endNs]. */
export interface FlowQuery {
  lanes: string[];
  startNs: number;
  endNs: number;
  kinds?: readonly FlowKind[];
  limit?: number;
}

/** A page of the goroutine analysis: one group's (or every) goroutine, sorted on the server. */
export interface AnalysisQuery {
  group?: string | null;
  /** Only the groups, no rows. */
  groupsOnly?: boolean;
  offset?: number;
  limit?: number;
  /** total | exec | execShare | schedWait | syscall | unknown | id | block:<reason> | range:<name> */
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface TraceApi {
  summary(signal?: AbortSignal): Promise<TraceSummary>;
  goroutines(group: string, offset: number, limit: number, signal?: AbortSignal): Promise<GoroutineListResponse>;
  chunk(q: ChunkQuery, signal?: AbortSignal): Promise<Chunk>;
  /** null when nothing is on the lane at that time (404 NO_SPAN). */
  span(lane: string, timeNs: number, signal?: AbortSignal): Promise<SpanDetail | null>;
  /** A region, CPU sample or log by its row in a lane track; null when unknown (404). */
  annotation(kind: AnnotationKind, row: number, signal?: AbortSignal): Promise<AnnotationDetail | null>;
  selection(range: TimeRange, signal?: AbortSignal): Promise<SelectionSummary>;
  goroutineAnalysis(range: TimeRange | null, query: AnalysisQuery, signal?: AbortSignal): Promise<GoroutineAnalysisResponse>;
  /** A goroutine's group and position in the group's lane list; null for an unknown id. */
  goroutine(id: number, signal?: AbortSignal): Promise<GoroutineLocation | null>;
  profile(kind: ProfileKind, range: TimeRange | null, signal?: AbortSignal): Promise<ProfileResponse>;
  /** The URL that downloads the profile as gzipped pprof (for an <a download>). */
  profileDownloadUrl(kind: ProfileKind, range: TimeRange | null): string;
  mmu(flags: string[], percentiles: boolean, range: TimeRange | null, signal?: AbortSignal): Promise<MmuResponse>;
  mmuWorstWindows(flags: string[], windowNs: number, range: TimeRange | null, signal?: AbortSignal): Promise<MmuWindow[]>;
  tasks(range: TimeRange | null, signal?: AbortSignal): Promise<TasksResponse>;
  regions(range: TimeRange | null, signal?: AbortSignal): Promise<RegionsResponse>;
  flows(q: FlowQuery, signal?: AbortSignal): Promise<FlowsResponse>;
  /** null for an unknown task (404). */
  task(id: number, signal?: AbortSignal): Promise<TaskDetail | null>;
  /** Goroutines, groups, tasks, regions and logs matching the text (at most `limit`). */
  search(query: string, limit: number, signal?: AbortSignal): Promise<SearchResponse>;
  /** A goroutine's creator, created, unblockers and unblocked (at most `limit` each); null for an unknown id (404). */
  related(id: number, limit: number, signal?: AbortSignal): Promise<RelatedGoroutines | null>;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

/** Builds "path?a=1&b=2", leaving out null/undefined values. Times are whole ns. */
export function apiUrl(base: string, path: string, params: Params = {}): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${k === 'lanes' ? String(v) : encodeURIComponent(String(v))}`)
    .join('&');
  return `${base}${path}${q ? `?${q}` : ''}`;
}

function rangeParams(range: TimeRange | null): Params {
  if (!range) return {};
  return { start: Math.max(0, Math.floor(range.startNs)), end: Math.max(0, Math.ceil(range.endNs)) };
}

export function createHttpApi(base = ''): TraceApi {
  async function request(path: string, params: Params, signal?: AbortSignal): Promise<Response> {
    const res = await fetch(apiUrl(base, path, params), { signal });
    if (!res.ok) {
      let code = 'HTTP_ERROR';
      let message = `${res.status} ${res.statusText} for ${path}`;
      try {
        const body = (await res.json()) as { code?: string; message?: string };
        code = body.code ?? code;
        message = body.message ?? message;
      } catch {
        // not JSON: keep the status text
      }
      throw new ApiRequestError(res.status, code, message);
    }
    return res;
  }
  const json = async <T,>(path: string, params: Params, signal?: AbortSignal): Promise<T> => (await request(path, params, signal)).json() as Promise<T>;
  /** `json`, or null when the server answers 404 (no such span, goroutine, task …). */
  const jsonOrNull = async <T,>(path: string, params: Params, signal?: AbortSignal): Promise<T | null> => {
    try {
      return await json<T>(path, params, signal);
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 404) return null;
      throw e;
    }
  };
  const mmuFlags = (flags: string[]) => flags.join(',');

  return {
    summary: (signal) => json(API.summary, {}, signal),
    goroutines: (group, offset, limit, signal) => json(API.goroutineList, { group, offset, limit }, signal),
    async chunk(q, signal) {
      const res = await request(API.chunk, { lanes: q.lanes.map(encodeURIComponent).join(','), start: q.startNs, end: q.endNs, nsPerPx: q.nsPerPx }, signal);
      return decodeChunk(new Uint8Array(await res.arrayBuffer()));
    },
    span: (lane, timeNs, signal) => jsonOrNull<SpanDetail>(API.span, { lane, t: Math.max(0, Math.round(timeNs)) }, signal),
    annotation: (kind, row, signal) => jsonOrNull<AnnotationDetail>(API.annotation, { kind, row }, signal),
    selection: (range, signal) => json(API.selection, rangeParams(range), signal),
    goroutineAnalysis: (range, q, signal) =>
      json(API.goroutineAnalysis, { ...rangeParams(range), group: q.group, groupsOnly: q.groupsOnly ? 1 : undefined, offset: q.offset, limit: q.limit, sort: q.sort, order: q.order }, signal),
    goroutine: (id, signal) => jsonOrNull<GoroutineLocation>(API.goroutine, { id }, signal),
    profile: (kind, range, signal) => json(API.profile, { kind, ...rangeParams(range) }, signal),
    profileDownloadUrl: (kind, range) => apiUrl(base, API.profile, { kind, ...rangeParams(range), format: 'pprof' }),
    mmu: (flags, percentiles, range, signal) => json(API.mmu, { flags: mmuFlags(flags), percentiles: percentiles ? 1 : 0, ...rangeParams(range) }, signal),
    mmuWorstWindows: (flags, windowNs, range, signal) => json(API.mmuDetails, { flags: mmuFlags(flags), windowNs: Math.max(1, Math.round(windowNs)), ...rangeParams(range) }, signal),
    tasks: (range, signal) => json(API.tasks, rangeParams(range), signal),
    regions: (range, signal) => json(API.regions, rangeParams(range), signal),
    flows: (q, signal) =>
      json(API.flows, { lanes: q.lanes.map(encodeURIComponent).join(','), start: Math.max(0, Math.floor(q.startNs)), end: Math.max(0, Math.ceil(q.endNs)), kinds: q.kinds?.join(','), limit: q.limit }, signal),
    task: (id, signal) => jsonOrNull<TaskDetail>(API.task, { id }, signal),
    search: (query, limit, signal) => json(API.search, { q: query, limit }, signal),
    related: (id, limit, signal) => jsonOrNull<RelatedGoroutines>(API.goroutineRelated, { id, limit }, signal),
  };
}
