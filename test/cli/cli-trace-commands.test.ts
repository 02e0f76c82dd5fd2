import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oracleDump } from '../helpers/oracle.ts';
import { CLI_BUNDLE, FIXTURE_TRACES } from '../helpers/paths.ts';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'gtv-cli-'));

describe('gotrace-view dump / stats', () => {
  it('dump prints the same lines as the Go oracle', () => {
    const f = join(FIXTURE_TRACES, 'annotations-go1.26.trace');
    const r = cli('dump', f);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(oracleDump(f).lines);
  });

  it('stats --json prints version, events, kinds, duration, goroutines, procs, threads, generations', () => {
    const r = cli('stats', join(FIXTURE_TRACES, 'mutex-go1.25.trace'), '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.version).toBe('go 1.25');
    expect(Object.keys(s).slice(0, 8)).toEqual(['version', 'events', 'kinds', 'durationNs', 'goroutines', 'procs', 'threads', 'generations']);
    expect(s.kinds.Sync).toBeGreaterThanOrEqual(2);
    expect(s.events).toBe(Object.values(s.kinds as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('count (the parse benchmark) reads every event and counts the transitions, as the Go oracle\'s count', () => {
    const f = join(FIXTURE_TRACES, 'mutex-go1.25.trace');
    const r = cli('count', f);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const s = JSON.parse(cli('stats', f, '--json').stdout);
    expect(c.events).toBe(s.events);
    expect(c.transitions).toBe(s.kinds.StateTransition);
    expect(c.elapsedNs).toBeGreaterThan(0);
    expect(c.maxRssBytes).toBeGreaterThan(0);
  });

  it('a bad file: "FILE: offset 0x…: what is wrong" on stderr and exit status 1', () => {
    const f = join(tmp, 'garbage.trace');
    writeFileSync(f, 'definitely not a trace');
    for (const cmd of ['dump', 'stats']) {
      const r = cli(cmd, f);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`${f}: offset 0x0: bad file format: not a Go execution trace (starts with "definitely not a")`);
    }
  });

  it('a missing file is its own message', () => {
    const r = cli('stats', join(tmp, 'missing.trace'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.trace: offset 0x0: cannot open: ENOENT/);
  });
});
