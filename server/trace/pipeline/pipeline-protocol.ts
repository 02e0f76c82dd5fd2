import type { MessagePort } from 'node:worker_threads';

/**
 * Messages between the parse worker and the main thread (pipelined-source.ts).
 * Control words live in a SharedArrayBuffer so that the main thread, inside
 * the model builder's synchronous loop, can sleep until the next block with
 * Atomics.wait and take it with receiveMessageOnPort.
 */

/** Int32 slots of the control buffer. */
export const POSTED = 0; // blocks (and the final message) posted by the worker
export const CONSUMED = 1; // blocks the main thread is done with
export const CONTROL_INTS = 2;

/** Blocks of 2^17 numbers (1 MB, about 13 000 events). */
export const BLOCK_VALUES = 1 << 17;
/**
 * At most this many blocks in flight. Which thread is ahead changes along a
 * trace (some stretches cost the parser more, others the model builder), and
 * with 4 both threads slept while the other caught up: on the 57 MB bench
 * trace the main thread waited 210-510 ms for blocks and the worker 60-220 ms
 * for free buffers. With 16 the worker hardly waits (0-30 ms), the main
 * thread waits 110-190 ms (90 of them for the first block), and the model
 * build is about 100 ms shorter; the load's peak RSS grew by 0-3 MB, since
 * the blocks are drained by the time the loop's columns peak.
 */
export const MAX_IN_FLIGHT = 16;

export interface WorkerInput {
  file: string;
  port: MessagePort;
  control: SharedArrayBuffer;
}

export interface TableDeltas {
  strings: string[];
  frames: { pc: number[]; func: number[]; file: number[]; line: number[] };
  stacks: { frames: Int32Array; counts: Int32Array };
}

export type WorkerMessage =
  | ({ kind: 'block'; values: Float64Array; length: number; bytesRead: number } & TableDeltas)
  | ({ kind: 'end'; bytesRead: number } & TableDeltas)
  | ({ kind: 'error'; code: string; offset: number; detail: string; bytesRead: number } & TableDeltas);
