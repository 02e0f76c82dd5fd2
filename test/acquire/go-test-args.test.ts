import { describe, expect, it } from 'vitest';
import { checkGoTestTraceArgs, goTraceFlagRefusal, parseGoTestArgs } from '../../server/cli/acquire/go-test-args.ts';
import { isAcquireError } from '../../server/cli/acquire/acquire-error.ts';

function refusal(args: string[]): string {
  try {
    checkGoTestTraceArgs(args);
  } catch (e) {
    if (isAcquireError(e) && e.code === 'BAD_ARGS') return e.message;
    throw e;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('go test arguments for a trace', () => {
  it('flag values are not packages, and nothing after -args is', () => {
    expect(parseGoTestArgs(['-run', 'TestX', '-count=1', '-v', '-test.timeout', '30s', './pkg', '-args', '-x', 'other'])).toEqual({
      flags: ['run', 'count', 'v', 'timeout'],
      packages: ['./pkg'],
    });
  });

  it('one package, or none (the current directory), is accepted', () => {
    expect(() => checkGoTestTraceArgs(['-run', 'TestSum', './gotest'])).not.toThrow();
    expect(() => checkGoTestTraceArgs(['-v'])).not.toThrow();
  });

  it('two packages are BAD_ARGS naming them', () => {
    expect(refusal(['-run', 'X', './a', './b'])).toBe('go test -trace needs a single package, but got 2: ./a ./b (trace one package at a time)');
  });

  it('-trace, -c and -fuzz among the arguments are BAD_ARGS', () => {
    expect(refusal(['-trace=x.out', './a'])).toMatch(/^do not pass -trace/);
    expect(refusal(['-c', './a'])).toMatch(/^go test -c only compiles/);
    expect(refusal(['-fuzz', 'FuzzX', './a'])).toMatch(/^go test cannot trace while fuzzing/);
  });

  it("go's own refusal of a pattern matching several packages becomes BAD_ARGS", () => {
    const e = goTraceFlagRefusal('cannot use -trace flag with multiple packages\n', ['./...']);
    expect(e?.code).toBe('BAD_ARGS');
    expect(e?.message).toBe('go test -trace needs a single package, but ./... matched several (name one package)');
    expect(goTraceFlagRefusal('FAIL\tpkg [build failed]\n', ['./pkg'])).toBeNull();
  });
});
