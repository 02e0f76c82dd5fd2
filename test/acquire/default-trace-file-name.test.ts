import { describe, expect, it } from 'vitest';
import { defaultTraceFileName } from '../../server/cli/acquire/default-trace-file-name.ts';

describe('defaultTraceFileName', () => {
  it('is trace-YYYYMMDD-HHMMSS.out in local time', () => {
    expect(defaultTraceFileName(new Date(2026, 10, 26, 18, 15, 0))).toBe('trace-20261126-181500.out');
  });

  it('pads single-digit months, days, hours, minutes and seconds', () => {
    expect(defaultTraceFileName(new Date(2027, 0, 2, 3, 4, 5))).toBe('trace-20270102-030405.out');
  });
});
