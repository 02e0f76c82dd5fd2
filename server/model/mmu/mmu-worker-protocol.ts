import type { UtilSeries } from './mutator-util.ts';
import type { UtilFlags } from './util-flags.ts';

/** Main thread → MMU worker: read the series of `file` for `flags`. */
export interface MmuWorkerRequest {
  id: number;
  file: string;
  flags: UtilFlags;
}

/** MMU worker → main thread: the series (typed arrays transferred), or the error that stopped the read. */
export type MmuWorkerReply =
  | { id: number; series: UtilSeries[]; error?: undefined }
  | { id: number; series?: undefined; error: { code: string; offset: number; detail: string; file?: string } };
