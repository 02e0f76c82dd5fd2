import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceLanes } from '../api/summary.ts';
import { API } from '../../shared/api.ts';
import { allowedHosts } from '../api/host-guard.ts';
import { startModelBuild } from '../model/build-model.ts';
import { collectGarbage } from '../model/collect-garbage.ts';
import { MmuService } from '../query/mmu-service.ts';
import { QueryContext } from '../query/query-context.ts';
import { warmUpChunks, type WarmUp } from '../query/warm-up.ts';
import { printTiming } from '../trace/phase-timer.ts';
import { packageRoot } from './package-root.ts';
import { ProgressBar } from './progress.ts';
import { statSync } from 'node:fs';

export interface ServeOptions {
  file: string;
  /** host:port to listen on; default 127.0.0.1 and a free port. */
  http?: string;
  open: boolean;
}

/** Quiet time after the viewer's last response before the chunk warm-up starts. */
const WARM_UP_IDLE_MS = 250;

function parseHttp(http: string | undefined): { host: string; port: number } {
  if (!http) return { host: '127.0.0.1', port: 0 };
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(http) ?? /^()()(\d+)$/.exec(http);
  if (!m) throw new Error(`--http wants HOST:PORT (e.g. 127.0.0.1:8080 or :8080), got "${http}"`);
  return { host: m[1] || m[2] || '127.0.0.1', port: Number(m[3]) };
}

/**
 * Reads the trace (with a progress bar), builds the model and serves the
 * viewer: prints "Trace viewer is listening on http://…" and opens a browser.
 * Resolves when the server is listening; the process then stays up.
 */
export async function serve(opts: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const file = resolve(opts.file);
  const size = statSync(file).size;
  const bar = new ProgressBar(size);
  // GTV_TIMING=1 prints each step's time.
  printTiming('node start', performance.now());
  let t0 = performance.now();
  const timing = (step: string, since: number) => printTiming(step, performance.now() - since);
  // Parsing runs in a worker thread beside the model build (GTV_PARSE_WORKER=0: all on this thread).
  const worker = join(packageRoot(), 'dist/server/parse-worker.mjs');
  const parseWorker = process.env.GTV_PARSE_WORKER !== '0' && existsSync(worker) ? worker : undefined;
  const build = startModelBuild(file, { onProgress: (bytes) => bar.update('reading', bytes), parseWorker });
  // The server's code (Fastify) loads while the parse worker starts up: 60-80 ms that came after
  // the model before, now spent while this thread waited for the worker's first events anyway.
  // Its 5 MB at the load's peak leave the server's peak RSS as it was: that comes once loaded
  // (221-222 MB for the 57 MB bench trace either way).
  let buildApp: typeof import('../api/app.ts').buildApp;
  try {
    ({ buildApp } = await import('../api/app.ts'));
  } catch (e) {
    build.abandon();
    throw e;
  }
  const model = build.finish();
  timing('model', t0);
  t0 = performance.now();
  const ctx = new QueryContext(model);
  // The build's columns and copies are garbage now: collect them before serving (the bin runs
  // node with --expose-gc). Otherwise they stay resident until V8 next collects: over six runs the
  // server then held the 68 MB bench trace in 269–296 MB, and in 266–281 MB with this collection.
  collectGarbage();
  timing('indexes, collect garbage', t0);
  t0 = performance.now();
  bar.done(`read ${model.eventCount.toLocaleString('en-US')} events, ${model.goroutines.count.toLocaleString('en-US')} goroutines (${model.header.label})`);
  if (model.salvage) process.stderr.write(`warning: ${model.salvage.message}\n`);
  const { host, port } = parseHttp(opts.http);
  let hosts = new Set<string>();
  // The MMU re-reads the file per flag set, in a worker so chunks keep flowing meanwhile.
  const mmu = new MmuService(file, join(packageRoot(), 'dist/server/mmu-worker.mjs'));
  const app = buildApp({ ctx, mmu, webRoot: join(packageRoot(), 'dist/web'), allowedHosts: () => hosts });
  app.addHook('onClose', () => mmu.close());
  // Once the viewer is up (a chunk answered, then 250 ms without a response), compile the chunk
  // queries of the zooms that follow. Started at listen, the warm-up delayed the first chunk (0.21-0.23 s
  // after listening instead of 0.12-0.13 s); started at the first chunk's answer, it competed with the
  // rest of the first view (bench:web's first complete frame: median 513 ms, 364 without it).
  // GTV_WARM_UP=0: off.
  let warmUp: WarmUp | null = null;
  let idle: NodeJS.Timeout | null = null;
  const startWarmUp = (): void => {
    warmUp = warmUpChunks(ctx, traceLanes(ctx).map((l) => l.id));
    // The goroutine groups' member lists, left out of the load (50 ms for the bench trace), are
    // made now too, so that the goroutine pages and search do not wait for them.
    setImmediate(() => ctx.groups.members.length);
    // Its chunks are garbage: collect them, as after the build (7 ms). A failed query would fail
    // for the browser too: say so, and keep serving.
    void warmUp.done.then(collectGarbage, (e: Error) => process.stderr.write(`warning: a chunk query failed while warming up: ${e.stack ?? e.message}\n`));
  };
  if (process.env.GTV_WARM_UP !== '0') {
    app.addHook('onResponse', async (req) => {
      if (warmUp !== null || (idle === null && req.routeOptions.url !== API.chunk)) return;
      if (idle !== null) clearTimeout(idle);
      idle = setTimeout(startWarmUp, WARM_UP_IDLE_MS);
      idle.unref();
    });
  }
  app.addHook('onClose', async () => {
    if (idle !== null) clearTimeout(idle);
    warmUp?.cancel();
  });
  timing('build app', t0);
  t0 = performance.now();
  await app.listen({ host, port });
  timing('listen', t0);
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  hosts = allowedHosts(host, actualPort);
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shown}:${actualPort}/`;
  process.stdout.write(`Trace viewer is listening on ${url}\n`);
  if (opts.open) {
    try {
      const { default: open } = await import('open');
      await open(url);
    } catch (e) {
      process.stderr.write(`could not open a browser (${(e as Error).message}); open ${url} yourself\n`);
    }
  }
  return { url, close: () => app.close() };
}
