/**
 * Worker-thread entry (bundled as dist/server/mmu-worker.mjs): reads the
 * mutator utilization series of a trace for one set of flags. A re-read of
 * a 68 MB trace takes 3-9 s; off the main thread, the server keeps answering
 * timeline chunks meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { TraceError } from '../../trace/trace-error.ts';
import { readMutatorUtil } from './mmu-plot.ts';
import type { MmuWorkerReply, MmuWorkerRequest } from './mmu-worker-protocol.ts';

parentPort?.on('message', (req: MmuWorkerRequest) => {
  let reply: MmuWorkerReply;
  try {
    const series = readMutatorUtil(req.file, req.flags);
    reply = { id: req.id, series };
    parentPort!.postMessage(reply, series.flatMap((s) => [s.timeNs.buffer, s.util.buffer]) as ArrayBuffer[]);
    return;
  } catch (e) {
    const err = e instanceof TraceError ? { code: e.code, offset: e.offset, detail: e.detail, file: e.file } : { code: 'INTERNAL', offset: -1, detail: e instanceof Error ? e.message : String(e) };
    reply = { id: req.id, error: err };
  }
  parentPort!.postMessage(reply);
});
