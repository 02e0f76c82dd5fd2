// Captures go tool trace's flow events ("Flow events" arrows of its trace
// viewer) for fixture traces, as fixtures/expected/<name>/flows.json(.gz):
//
//   { "go": "go1.26.x", "proc": [[name, fromNs, fromTid, toNs, toTid], …], "thread": […] }
//
// one row per arrow of /jsontrace?view=proc and ?view=thread, sorted. Names
// are go tool trace's ("go", "unblock (sync)", "exit blocked syscall"); tids
// are proc or thread ids, or its pseudo rows (1000002 Network, 1000003
// Syscalls); times are ns since the trace start (the JSON's µs × 1000).
// test/query/flows-go-tool-trace.test.ts compares /api/flows with them.
//
// Usage: node scripts/capture-go-tool-trace-flows.mjs [FIXTURE…]   (default: DEFAULT_FIXTURES)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_FIXTURES = ['mutex-go1.26', 'fileio-go1.26', 'tcp-go1.26', 'annotations-go1.26', 'cgocallback-go1.26', 'mutex-go1.19'];
/** Larger files are written gzipped (chansel's 15 000 unblocks would be 700 kB of JSON). */
const MAX_PLAIN_BYTES = 100 * 1024;

function traceBinary() {
  const bin = execFileSync('go', ['tool', '-n', 'trace'], { encoding: 'utf8' }).trim();
  if (!existsSync(bin)) throw new Error(`go tool -n trace: no binary at ${bin}`);
  return bin;
}

/** Starts the trace binary on a file; resolves {child, url}. The child is killed by the caller (by handle). */
function start(bin, file) {
  const child = spawn(bin, ['-http=127.0.0.1:0', file], { env: { ...process.env, BROWSER: 'true', DISPLAY: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file}: go tool trace did not listen within 120 s:\n${log}`));
    }, 120_000);
    child.stderr.on('data', (d) => {
      log += d.toString();
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace(/\/$/, '') });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file}: go tool trace exited (${code}):\n${log}`));
    });
  });
}

/** The arrows of one view: flow start ("s") and end ("t" or "f") events paired by id. */
export function arrowsOf(traceJson) {
  const starts = new Map();
  const out = [];
  for (const e of traceJson.traceEvents) {
    if (e.ph === 's') starts.set(e.id, e);
    else if (e.ph === 't' || e.ph === 'f') {
      const s = starts.get(e.id);
      if (s) out.push([s.name, Math.round(s.ts * 1000), s.tid, Math.round(e.ts * 1000), e.tid]);
    }
  }
  return out.sort((a, b) => a[1] - b[1] || a[3] - b[3] || a[2] - b[2] || a[4] - b[4] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

async function capture(bin, name) {
  const file = join(repo, 'fixtures/traces', `${name}.trace`);
  const { child, url } = await start(bin, file);
  try {
    const views = {};
    for (const view of ['proc', 'thread']) {
      const r = await fetch(`${url}/jsontrace?view=${view}`, { signal: AbortSignal.timeout(60_000) });
      if (!r.ok) throw new Error(`${name}: /jsontrace?view=${view}: HTTP ${r.status}`);
      views[view] = arrowsOf(await r.json());
    }
    const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    const text = `${JSON.stringify({ go: goVersion, proc: views.proc, thread: views.thread })}\n`;
    const dir = join(repo, 'fixtures/expected', name);
    mkdirSync(dir, { recursive: true });
    for (const f of ['flows.json', 'flows.json.gz']) rmSync(join(dir, f), { force: true });
    if (text.length > MAX_PLAIN_BYTES) writeFileSync(join(dir, 'flows.json.gz'), gzipSync(text, { level: 9 }));
    else writeFileSync(join(dir, 'flows.json'), text);
    console.log(`${name}: ${views.proc.length} arrows (proc view), ${views.thread.length} (thread view)`);
  } finally {
    child.kill('SIGKILL');
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  const names = process.argv.slice(2).map((a) => basename(a).replace(/\.trace$/, ''));
  const bin = traceBinary();
  for (const name of names.length ? names : DEFAULT_FIXTURES) await capture(bin, name);
}
