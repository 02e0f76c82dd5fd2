import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from '../../web/state/url-state.ts';
import { initialUiState, urlStateOf } from '../../web/state/ui-store.ts';

describe('URL state', () => {
  it('the default state is an empty query, and back', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('round-trips everything on screen', () => {
    const s: UrlState = {
      page: 'goroutines',
      window: { startNs: 1200, endNs: 987_654_321 },
      selection: { startNs: 5000, endNs: 6000 },
      span: { lane: 'g:17', timeNs: 123_456 },
      view: 'threads',
      range: { startNs: 5000, endNs: 6000 },
      group: 'main.(*server).handle.func1',
      kind: 'sched',
      sort: { column: 'block:chan receive', descending: false },
    };
    const q = encodeUrlState(s);
    expect(q).toContain('page=goroutines');
    expect(q).toContain('t=1200-987654321');
    expect(decodeUrlState(q)).toEqual(s);
  });

  it('ignores malformed parameters instead of failing', () => {
    const s = decodeUrlState('?page=nope&t=5-2&sel=abc&span=g:1@x&view=sideways&kind=cpu&sort=execNs.sideways');
    expect(s).toEqual(DEFAULT_URL_STATE);
  });

  it('fractional window bounds are rounded to whole ns', () => {
    const q = encodeUrlState({ ...DEFAULT_URL_STATE, window: { startNs: 10.4, endNs: 99.6 } });
    expect(decodeUrlState(q).window).toEqual({ startNs: 10, endNs: 100 });
  });

  it('the UI state carries the URL through a reload', () => {
    const url = decodeUrlState('?page=profiles&sel=10-20&span=proc:1@15&kind=net&range=10-20');
    const ui = initialUiState(url, new Set([2]));
    expect(urlStateOf(ui, null)).toEqual(url);
  });
});
