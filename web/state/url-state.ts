/**
 * What is on screen, as URL query parameters, so a reload or a shared link
 * brings the same view back:
 *
 *   ?page=timeline&flows=1&t=START-END&sel=A-B&span=LANE@T&item=region:ROW&view=threads&focus=g:N
 *   ?page=goroutines&range=A-B&group=NAME&sort=COLUMN.desc
 *   ?page=profiles&range=A-B&kind=sync
 *
 * Times are whole ns since the trace start. Unknown or malformed parameters
 * are ignored (the default applies), never an error.
 */
import { ANNOTATION_KINDS, type AnnotationKind } from '../../shared/lane-tracks.ts';

export const PAGES = ['timeline', 'goroutines', 'profiles', 'mmu', 'tasks', 'regions'] as const;
export type Page = (typeof PAGES)[number];
export const PROFILE_KINDS = ['net', 'sync', 'syscall', 'sched'] as const;

export interface NsRange {
  startNs: number;
  endNs: number;
}

export interface UrlState {
  page: Page;
  /** Visible window of the timeline. */
  window: NsRange | null;
  /** Selected time range on the timeline. */
  selection: NsRange | null;
  /** Selected span: lane and a time inside it; or a region, CPU sample or log of that lane (item). */
  span: { lane: string; timeNs: number; item?: { kind: AnnotationKind; row: number } } | null;
  view: 'procs' | 'threads';
  /** Time range the analysis pages are scoped to (null: whole trace). */
  range: NsRange | null;
  group: string | null;
  kind: (typeof PROFILE_KINDS)[number];
  sort: { column: string; descending: boolean } | null;
  /** The timeline's flow arrows are on (absent: off). */
  flows?: boolean;
  /** Goroutine whose related goroutines alone fill the goroutine section ("Show only related"; absent: all). */
  focus?: number;
}

export const DEFAULT_URL_STATE: UrlState = {
  page: 'timeline',
  window: null,
  selection: null,
  span: null,
  view: 'procs',
  range: null,
  group: null,
  kind: 'sync',
  sort: null,
};

function formatRange(r: NsRange): string {
  return `${Math.round(r.startNs)}-${Math.round(r.endNs)}`;
}

function parseRange(s: string | null): NsRange | null {
  const m = s ? /^(\d+)-(\d+)$/.exec(s) : null;
  if (!m) return null;
  const startNs = Number(m[1]);
  const endNs = Number(m[2]);
  return endNs > startNs ? { startNs, endNs } : null;
}

export function encodeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.page !== 'timeline') p.set('page', s.page);
  if (s.window) p.set('t', formatRange(s.window));
  if (s.selection) p.set('sel', formatRange(s.selection));
  if (s.span) p.set('span', `${s.span.lane}@${Math.round(s.span.timeNs)}`);
  if (s.span?.item) p.set('item', `${s.span.item.kind}:${s.span.item.row}`);
  if (s.view !== 'procs') p.set('view', s.view);
  if (s.range) p.set('range', formatRange(s.range));
  if (s.group !== null) p.set('group', s.group);
  if (s.kind !== DEFAULT_URL_STATE.kind) p.set('kind', s.kind);
  if (s.sort) p.set('sort', `${s.sort.column}.${s.sort.descending ? 'desc' : 'asc'}`);
  if (s.flows) p.set('flows', '1');
  if (s.focus !== undefined) p.set('focus', `g:${s.focus}`);
  const q = p.toString();
  return q ? `?${q}` : '';
}

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const page = p.get('page');
  const spanM = /^([A-Za-z0-9:._-]+)@(\d+)$/.exec(p.get('span') ?? '');
  const kind = p.get('kind');
  const itemM = /^([a-z]+):(\d+)$/.exec(p.get('item') ?? '');
  const item = itemM && (ANNOTATION_KINDS as readonly string[]).includes(itemM[1]) ? { kind: itemM[1] as AnnotationKind, row: Number(itemM[2]) } : undefined;
  const sortM = /^(.+)\.(asc|desc)$/.exec(p.get('sort') ?? '');
  const focusM = /^g:(\d{1,15})$/.exec(p.get('focus') ?? '');
  return {
    page: (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'timeline',
    window: parseRange(p.get('t')),
    selection: parseRange(p.get('sel')),
    span: spanM ? { lane: spanM[1], timeNs: Number(spanM[2]), ...(item ? { item } : {}) } : null,
    view: p.get('view') === 'threads' ? 'threads' : 'procs',
    range: parseRange(p.get('range')),
    group: p.get('group'),
    kind: (PROFILE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as UrlState['kind']) : DEFAULT_URL_STATE.kind,
    sort: sortM ? { column: sortM[1], descending: sortM[2] === 'desc' } : null,
    ...(p.get('flows') === '1' ? { flows: true } : {}),
    ...(focusM ? { focus: Number(focusM[1]) } : {}),
  };
}
