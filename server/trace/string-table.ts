/**
 * Strings every table starts with, in this order, so that the model builder's
 * lookups of them give the same ids in a table filled by a parse worker
 * (pipelined-source.ts) as in one filled here.
 */
const PRESET_STRINGS = ['forever', 'GC mark assist', 'network'];

/**
 * Strings of the whole trace, interned: every generation re-sends its strings
 * with fresh ids, and the model wants one id per distinct text. Id 0 is "".
 */
export class StringTable {
  private readonly texts: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  constructor() {
    for (const t of PRESET_STRINGS) this.intern(t);
  }

  /** Texts from id `from` on (what a parse worker sends the main thread). */
  textsSince(from: number): string[] {
    return this.texts.slice(from);
  }

  /** Appends texts interned elsewhere with ids size, size+1, … (the mirror of a worker's table). */
  appendInterned(texts: readonly string[]): void {
    for (const t of texts) {
      this.ids.set(t, this.texts.length);
      this.texts.push(t);
    }
  }

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  get(id: number): string {
    return this.texts[id];
  }

  get size(): number {
    return this.texts.length;
  }

  /** All strings by id (for serializing the model). */
  all(): readonly string[] {
    return this.texts;
  }
}

const utf8 = new TextDecoder('utf-8');

/**
 * Trace strings are raw bytes; the runtime may cut a multi-byte rune when it
 * truncates a long name, so invalid sequences decode to U+FFFD.
 */
export function decodeTraceString(bytes: Uint8Array): string {
  // Short ASCII strings are the common case (function and file names); skip the decoder for them.
  if (bytes.length < 64) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return utf8.decode(bytes);
}
