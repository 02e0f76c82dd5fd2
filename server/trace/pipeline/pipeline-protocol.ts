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
 * At most this many blocks in flight. More would let each thread run further
 * ahead when the other slows down (the main thread waits 110-350 ms in all
 * for blocks, 90 of them for the first), but they are still in flight when
 * the model's columns peak near the end of the loop: with 16, the load's peak
 * RSS on the 57 MB bench trace was 213-220 MiB instead of 206-207, and the
 * viewer was not ready sooner over four interleaved runs of 4, 8 and 16.
 */
export const MAX_IN_FLIGHT = 4;

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
