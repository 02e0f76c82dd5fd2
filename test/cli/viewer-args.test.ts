import { describe, expect, it } from 'vitest';
import { isLiveTarget, parseViewerArgs, UsageError } from '../../server/cli/viewer-args.ts';

describe('parseViewerArgs', () => {
  it('a bare file path opens it on a random port with the browser', () => {
    expect(parseViewerArgs(['trace.out'])).toEqual({ target: 'trace.out', open: true, seconds: 5, cpu: true, rest: [] });
  });

  it('--http, --no-open, --seconds, --no-cpu and --out take values inline or separately', () => {
    const a = parseViewerArgs(['--http=127.0.0.1:9000', '--no-open', '--seconds', '2.5', '--no-cpu', '--out', 'x.trace', 'localhost:6060']);
    expect(a).toMatchObject({ target: 'localhost:6060', http: '127.0.0.1:9000', open: false, seconds: 2.5, cpu: false, out: 'x.trace' });
  });

  it('everything after "test" belongs to go test, even flags', () => {
    const a = parseViewerArgs(['--no-open', 'test', './pkg', '-run', 'TestX', '--count=1']);
    expect(a.target).toBe('test');
    expect(a.rest).toEqual(['./pkg', '-run', 'TestX', '--count=1']);
    expect(a.open).toBe(false);
  });

  it('an unknown flag, a missing value and a bad pid are usage errors', () => {
    expect(() => parseViewerArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseViewerArgs(['--http'])).toThrow(/--http needs a value/);
    expect(() => parseViewerArgs(['--pid', 'abc'])).toThrow(/--pid wants a process id/);
    expect(() => parseViewerArgs(['--seconds', '0'])).toThrow(/positive/);
  });
});

describe('isLiveTarget', () => {
  it('URLs and host:port name live programs; paths name files', () => {
    expect(isLiveTarget('http://localhost:6060')).toBe(true);
    expect(isLiveTarget('https://svc.example/debug/pprof/trace')).toBe(true);
    expect(isLiveTarget('localhost:6060')).toBe(true);
    expect(isLiveTarget(':6060')).toBe(true);
    expect(isLiveTarget('trace.out')).toBe(false);
    expect(isLiveTarget('./traces/a.trace')).toBe(false);
    expect(isLiveTarget('/tmp/x:y/trace.out')).toBe(false);
  });
});
