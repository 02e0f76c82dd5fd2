import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ByteSource } from '../byte-source.ts';
import { readHeader } from '../header.ts';
import type { EventSource, OpenedTrace } from '../open-trace.ts';
import { StackTable } from '../stack-table.ts';
import { StringTable } from '../string-table.ts';
import { printTiming } from '../phase-timer.ts';
import { TraceError, type TraceErrorCode } from '../trace-error.ts';
import { TraceEvent } from '../trace-event.ts';
import { readEvent, type BlockMeta } from './event-block.ts';
import { CONSUMED, CONTROL_INTS, POSTED, type TableDeltas, type WorkerInput, type WorkerMessage } from './pipeline-protocol.ts';

/** No message for this long means the worker is gone (it posts every 2 MB of events). */
const STALL_MS = 120_000;

/**
 * Opens a trace file with its parsing in a worker thread: the events arrive
 * in blocks while the caller builds its model, and the string and stack
 * tables here mirror the worker's (same ids, no interning maps). The caller
 * sees the same OpenedTrace, synchronous `next()` included, as openTrace's.
 * `onWait` is called whenever the caller is about to sleep for the worker's
 * next block, with the bytes read so far (the model builder collects its
 * garbage then, at no cost to the load).
 */
export function openTracePipelined(file: string, workerPath: string, onWait?: (bytesRead: number) => void): OpenedTrace {
  if (!existsSync(workerPath)) throw new Error(`no parse worker at ${workerPath}`);
  // The header is read here too: a bad file fails before any thread starts.
  const src = ByteSource.fromFile(file);
  let header;
  let size;
  try {
    header = readHeader(src);
    size = src.size;
  } catch (e) {
    if (e instanceof TraceError) e.file = file;
    throw e;
  } finally {
    src.close();
  }
  const control = new SharedArrayBuffer(CONTROL_INTS * 4);
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { file, port: port2, control };
  const worker = new Worker(workerPath, { workerData: input, transferList: [port2] });
  const strings = new StringTable();
  const stacks = new StackTable(strings);
  const events = new PipelinedEventSource(port1, new Int32Array(control), strings, stacks, file, onWait);
  return {
    header,
    events,
    strings,
    stacks,
    size,
    file,
    close: () => {
      port1.close();
      void worker.terminate();
    },
  };
}

class PipelinedEventSource implements EventSource {
  private readonly ev = new TraceEvent();
  private readonly meta: BlockMeta = { validBytes: 0 };
  private values: Float64Array = new Float64Array(0);
  private length = 0;
  private pos = 0;
  private received = 0;
  /** Time spent sleeping for the worker's blocks, in all (GTV_TIMING; a typed array, not a boxed double field). */
  private readonly waitedMs = new Float64Array(1);
  private finished: WorkerMessage | null = null;
  bytesRead = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly ctl: Int32Array,
    private readonly strings: StringTable,
    private readonly stacks: StackTable,
    private readonly file: string,
    private readonly onWait?: (bytesRead: number) => void,
  ) {}

  get validBytes(): number {
    return this.meta.validBytes;
  }

  next(): TraceEvent | null {
    while (this.pos >= this.length) if (!this.nextBlock()) return null;
    this.pos = readEvent(this.values, this.pos, this.ev, this.meta);
    return this.ev;
  }

  /** Takes the next block (sleeping until the worker posts it); false at the end. Throws the worker's TraceError. */
  private nextBlock(): boolean {
    if (this.length > 0) this.release();
    if (this.finished) return this.finish(this.finished);
    let waitedMs = 0;
    let told = false;
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (m) {
        this.received++;
        const msg = m.message as WorkerMessage;
        this.apply(msg);
        this.bytesRead = msg.bytesRead;
        if (msg.kind === 'block') {
          if (this.received === 1) printTiming('parse worker: first block waited for', this.waitedMs[0]);
          this.values = msg.values;
          this.length = msg.length;
          this.pos = 0;
          return true;
        }
        this.finished = msg;
        return this.finish(msg);
      }
      if (!told && this.onWait) {
        // Once per block; the hook takes time, so look for the block again before sleeping.
        told = true;
        this.onWait(this.bytesRead);
        continue;
      }
      const t0 = performance.now();
      Atomics.wait(this.ctl, POSTED, this.received, 1000);
      const dt = performance.now() - t0;
      waitedMs += dt;
      this.waitedMs[0] += dt;
      if (waitedMs > STALL_MS) throw new Error(`the parse worker stopped sending events for ${this.file}`);
    }
  }

  /** Hands the block's buffer back for reuse and lets the worker run ahead again. */
  private release(): void {
    const values = this.values;
    this.values = new Float64Array(0);
    this.length = 0;
    this.pos = 0;
    Atomics.add(this.ctl, CONSUMED, 1);
    Atomics.notify(this.ctl, CONSUMED);
    this.port.postMessage(values, [values.buffer as ArrayBuffer]);
  }

  private finish(msg: WorkerMessage): boolean {
    if (msg.kind === 'end') {
      printTiming('parse worker: blocks waited for', this.waitedMs[0]);
      return false;
    }
    if (msg.kind !== 'error') return false;
    if (msg.code === 'INTERNAL') throw new Error(`parse worker failed on ${this.file}: ${msg.detail}`);
    throw new TraceError(msg.code as TraceErrorCode, msg.offset, msg.detail, this.file);
  }

  private apply(d: TableDeltas): void {
    if (d.strings.length > 0) this.strings.appendInterned(d.strings);
    if (d.frames.pc.length > 0 || d.stacks.counts.length > 0) this.stacks.appendInterned(d.frames, d.stacks);
  }
}
