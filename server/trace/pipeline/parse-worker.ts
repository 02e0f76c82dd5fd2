/**
 * Worker-thread entry (bundled as dist/server/parse-worker.mjs): reads a
 * trace and streams its events to the main thread in blocks, so parsing
 * (40 % of loading the 68 MB bench trace) runs beside the model build.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openTrace } from '../open-trace.ts';
import { StackTable } from '../stack-table.ts';
import { StringTable } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import { EventBlockWriter } from './event-block.ts';
import { BLOCK_VALUES, CONSUMED, MAX_IN_FLIGHT, POSTED, type TableDeltas, type WorkerInput, type WorkerMessage } from './pipeline-protocol.ts';
import { EventKind } from '../event-kinds.ts';

const { file, port, control } = workerData as WorkerInput;
const ctl = new Int32Array(control);
// What the main thread's fresh tables already hold (the reader interns names while opening: send those too).
const fresh = new StackTable(new StringTable());
let sentStrings = fresh.strings.size;
let sentFrames = fresh.frameCount;
let sentStacks = fresh.stackCount;
const trace = openTrace(file);
let posted = 0;
const spare: Float64Array[] = [];

function deltas(): TableDeltas {
  const d: TableDeltas = {
    strings: trace.strings.textsSince(sentStrings),
    frames: trace.stacks.framesSince(sentFrames),
    stacks: trace.stacks.stacksSince(sentStacks),
  };
  sentStrings = trace.strings.size;
  sentFrames = trace.stacks.frameCount;
  sentStacks = trace.stacks.stackCount;
  return d;
}

function post(msg: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
  Atomics.store(ctl, POSTED, ++posted);
  Atomics.notify(ctl, POSTED);
}

/** A buffer for the next block: one the main thread sent back, or a new one; waits while too many are in flight. */
function nextBuffer(): Float64Array {
  while (posted - Atomics.load(ctl, CONSUMED) >= MAX_IN_FLIGHT) Atomics.wait(ctl, CONSUMED, Atomics.load(ctl, CONSUMED), 1000);
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) spare.push(m.message as Float64Array);
  return spare.pop() ?? new Float64Array(BLOCK_VALUES);
}

const writer = new EventBlockWriter(BLOCK_VALUES);
// The first blocks are small (512 events, then twice as many each time until a block fills up
// first): the main thread starts building while this thread's code is still warming up. Its first
// events arrived 180-220 ms after the start instead of 270-320 ms (bench trace; a full block is
// about 13 000 events).
let smallBlockEvents = 512;
const flush = () => {
  if (writer.events === 0) return;
  const values = writer.values;
  post({ kind: 'block', values, length: writer.length, bytesRead: trace.events.bytesRead, ...deltas() }, [values.buffer as ArrayBuffer]);
  writer.reset(nextBuffer());
};

try {
  for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) {
    writer.write(ev, ev.kind === EventKind.Sync ? trace.events.validBytes : 0);
    if (writer.full) flush();
    else if (writer.events === smallBlockEvents) {
      flush();
      smallBlockEvents *= 2;
    }
  }
  flush();
  post({ kind: 'end', bytesRead: trace.events.bytesRead, ...deltas() });
} catch (e) {
  flush();
  // A bug, not bad input, is passed on as such: the main thread throws a plain Error.
  const err = e instanceof TraceError ? e : { code: 'INTERNAL', offset: -1, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  post({ kind: 'error', code: err.code, offset: err.offset, detail: err.detail, bytesRead: trace.events.bytesRead, ...deltas() });
} finally {
  trace.close();
}
