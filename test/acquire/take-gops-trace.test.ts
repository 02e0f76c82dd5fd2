import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeGopsTrace } from '../../server/cli/acquire/take-gops-trace.ts';
import { acquireFailure, buildAcquireProgram, fileStart, freshDir, namesIn, startProgram, traceStats, type RunningProgram } from './acquire-helpers.ts';

let bin: string;
const running: RunningProgram[] = [];

/** Starts the agent program with its port file in a config dir of its own. */
async function startAgent(args: string[]): Promise<{ program: RunningProgram; configDir: string }> {
  const configDir = freshDir('gtv-gops-');
  const program = await startProgram(bin, args, { ...process.env, GOPS_CONFIG_DIR: configDir });
  running.push(program);
  expect(program.firstLine).toBe('ready');
  return { program, configDir };
}

beforeAll(async () => {
  bin = await buildAcquireProgram('gops-agent', freshDir('gtv-gops-'));
});

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
});

describe('takeGopsTrace through a real gops agent', () => {
  it('takes the agent’s 5 s trace into the output file', { timeout: 40_000 }, async () => {
    const { program, configDir } = await startAgent([]);
    const dir = freshDir('gtv-gops-');
    const progress: string[] = [];
    const saved = await takeGopsTrace({ pid: program.pid, outPath: join(dir, 'gops.out'), env: { GOPS_CONFIG_DIR: configDir }, onProgress: (m) => progress.push(m) });
    expect(saved.truncated).toBe(false);
    expect(fileStart(saved.path)).toBe('go 1.');
    expect(traceStats(saved.path).durationNs).toBeGreaterThan(4e9);
    expect(progress[0]).toMatch(new RegExp(`^tracing pid ${program.pid} through its gops agent on 127\\.0\\.0\\.1:\\d+ for 5 s$`));
    expect(namesIn(dir)).toEqual(['gops.out']);
  });

  it('an agent whose tracer is busy is TRACE_ALREADY_RUNNING within a second or two, not a timeout', { timeout: 40_000 }, async () => {
    const { program, configDir } = await startAgent(['-busy-trace']);
    const dir = freshDir('gtv-gops-');
    const started = Date.now();
    const e = await acquireFailure(takeGopsTrace({ pid: program.pid, outPath: join(dir, 'x.out'), env: { GOPS_CONFIG_DIR: configDir } }));
    expect(e.code).toBe('TRACE_ALREADY_RUNNING');
    expect(e.message).toMatch(new RegExp(`^the gops agent of pid ${program.pid} could not start a trace \\(another trace of the program is running`));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(namesIn(dir)).toEqual([]);
    // The agent says why on the program's own stderr (Go 1.25+: "execution tracer already enabled").
    expect(program.stderr()).toMatch(/gops: .*already enabled/);
  });
});

describe('takeGopsTrace without an agent', () => {
  it('a live pid with no port file is NO_AGENT naming the config dir', async () => {
    const configDir = freshDir('gtv-gops-');
    const e = await acquireFailure(takeGopsTrace({ pid: process.pid, outPath: join(freshDir('gtv-gops-'), 'x.out'), env: { GOPS_CONFIG_DIR: configDir } }));
    expect(e.code).toBe('NO_AGENT');
    expect(e.message).toBe(`no gops agent for pid ${process.pid} (no port file in ${configDir}; does the program call agent.Listen?)`);
  });

  it.runIf(process.platform === 'linux')('without GOPS_CONFIG_DIR the message names ~/.config/gops', async () => {
    const home = freshDir('gtv-gops-');
    const e = await acquireFailure(takeGopsTrace({ pid: process.pid, outPath: join(freshDir('gtv-gops-'), 'x.out'), env: { HOME: home } }));
    expect(e.message).toBe(`no gops agent for pid ${process.pid} (no port file in ~/.config/gops; does the program call agent.Listen?)`);
  });

  it('the port file of an exited process is NO_PROCESS, calling the file stale', async () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(exited.stdout);
    const configDir = freshDir('gtv-gops-');
    writeFileSync(join(configDir, String(pid)), '40000');
    const e = await acquireFailure(takeGopsTrace({ pid, outPath: join(freshDir('gtv-gops-'), 'x.out'), env: { GOPS_CONFIG_DIR: configDir } }));
    expect(e.code).toBe('NO_PROCESS');
    expect(e.message).toBe(`no process with pid ${pid} (${join(configDir, String(pid))} is a stale gops port file: the program exited without agent.Close)`);
  });

  it('a port file naming a closed port is CONNECTION_REFUSED, suspecting a stale file', async () => {
    const probe = createServer();
    const port = await new Promise<number>((r) => probe.listen(0, '127.0.0.1', () => r((probe.address() as AddressInfo).port)));
    await new Promise((r) => probe.close(r));
    const configDir = freshDir('gtv-gops-');
    writeFileSync(join(configDir, String(process.pid)), String(port));
    const e = await acquireFailure(takeGopsTrace({ pid: process.pid, outPath: join(freshDir('gtv-gops-'), 'x.out'), env: { GOPS_CONFIG_DIR: configDir } }));
    expect(e.code).toBe('CONNECTION_REFUSED');
    expect(e.message).toBe(
      `cannot connect to the gops agent of pid ${process.pid} at 127.0.0.1:${port}: connection refused (${join(configDir, String(process.pid))} may be stale: is pid ${process.pid} still the program that started the agent?)`,
    );
  });
});
