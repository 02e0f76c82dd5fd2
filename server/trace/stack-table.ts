import type { StringTable } from './string-table.ts';

/**
 * Frames and stacks of the whole trace, interned by content. Generations carry
 * their own stack ids; the reader maps each to a trace-wide id here, so the
 * model can keep one Int32 per event instead of a frame list. Stack id 0 means
 * "no stack"; a stack the trace lists with zero frames gets a real id.
 */
export class StackTable {
  /** Frame columns: pc, function name id, file name id, line. */
  private framePc: number[] = [0];
  private frameFunc: number[] = [0];
  private frameFile: number[] = [0];
  private frameLine: number[] = [0];
  private readonly frameIds = new Map<string, number>();

  /** stackFrames[id] = frame ids, leaf first. */
  private readonly stackFrames: Int32Array[] = [new Int32Array(0)];
  /**
   * Stacks by a hash of their frames (FNV-1a over the frame ids): the first stack with each
   * hash, and any others with the same hash. A joined-string key cost 4 µs a stack, 105 ms
   * (3 % of reading) for the 26 000 stacks the bench trace's 21 generations map.
   */
  private readonly stackByHash = new Map<number, number>();
  private readonly moreByHash = new Map<number, number[]>();

  constructor(readonly strings: StringTable) {}

  internFrame(pc: number, funcId: number, fileId: number, line: number): number {
    const key = `${pc},${funcId},${fileId},${line}`;
    let id = this.frameIds.get(key);
    if (id === undefined) {
      id = this.framePc.length;
      this.framePc.push(pc);
      this.frameFunc.push(funcId);
      this.frameFile.push(fileId);
      this.frameLine.push(line);
      this.frameIds.set(key, id);
    }
    return id;
  }

  internStack(frames: ArrayLike<number>): number {
    let h = 0x811c9dc5 ^ frames.length;
    for (let i = 0; i < frames.length; i++) h = Math.imul(h ^ frames[i], 0x01000193);
    const first = this.stackByHash.get(h);
    const more = first === undefined ? undefined : this.moreByHash.get(h);
    if (first !== undefined) {
      if (this.same(first, frames)) return first;
      if (more !== undefined) for (const id of more) if (this.same(id, frames)) return id;
    }
    const id = this.stackFrames.length;
    this.stackFrames.push(Int32Array.from(frames));
    if (first === undefined) this.stackByHash.set(h, id);
    else if (more === undefined) this.moreByHash.set(h, [id]);
    else more.push(id);
    return id;
  }

  private same(id: number, frames: ArrayLike<number>): boolean {
    const f = this.stackFrames[id];
    if (f.length !== frames.length) return false;
    for (let i = 0; i < f.length; i++) if (f[i] !== frames[i]) return false;
    return true;
  }

  get frameCount(): number {
    return this.framePc.length;
  }

  /** Frames from id `from` on, as columns (what a parse worker sends the main thread). */
  framesSince(from: number): { pc: number[]; func: number[]; file: number[]; line: number[] } {
    return { pc: this.framePc.slice(from), func: this.frameFunc.slice(from), file: this.frameFile.slice(from), line: this.frameLine.slice(from) };
  }

  /** Stacks from id `from` on: their frame ids, concatenated, and each one's frame count. */
  stacksSince(from: number): { frames: Int32Array; counts: Int32Array } {
    const counts = new Int32Array(Math.max(0, this.stackFrames.length - from));
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i] = this.stackFrames[from + i].length;
    const frames = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < counts.length; i++) {
      frames.set(this.stackFrames[from + i], at);
      at += counts[i];
    }
    return { frames, counts };
  }

  /**
   * Appends frames and stacks interned elsewhere, with the next ids (the
   * mirror of a worker's table). The content maps are not filled: a mirror
   * only looks stacks up by id, and the maps hold a string key per frame and per stack.
   */
  appendInterned(f: { pc: number[]; func: number[]; file: number[]; line: number[] }, s: { frames: Int32Array; counts: Int32Array }): void {
    for (let i = 0; i < f.pc.length; i++) {
      this.framePc.push(f.pc[i]);
      this.frameFunc.push(f.func[i]);
      this.frameFile.push(f.file[i]);
      this.frameLine.push(f.line[i]);
    }
    let at = 0;
    for (let i = 0; i < s.counts.length; i++) {
      this.stackFrames.push(s.frames.slice(at, at + s.counts[i]));
      at += s.counts[i];
    }
  }

  /** Frame ids of a stack, leaf first. */
  frames(stackId: number): Int32Array {
    return this.stackFrames[stackId];
  }

  get stackCount(): number {
    return this.stackFrames.length;
  }

  pc(frame: number): number {
    return this.framePc[frame];
  }
  funcName(frame: number): string {
    return this.strings.get(this.frameFunc[frame]);
  }
  funcId(frame: number): number {
    return this.frameFunc[frame];
  }
  fileName(frame: number): string {
    return this.strings.get(this.frameFile[frame]);
  }
  line(frame: number): number {
    return this.frameLine[frame];
  }
}
