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
  private readonly stackIds = new Map<string, number>();

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
    const key = Array.prototype.join.call(frames, ',') as string;
    let id = this.stackIds.get(key);
    if (id === undefined) {
      id = this.stackFrames.length;
      this.stackFrames.push(Int32Array.from(frames));
      this.stackIds.set(key, id);
    }
    return id;
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
