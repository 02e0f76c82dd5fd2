// Captures what `go tool trace` (the local Go toolchain) shows for fixture
// traces, as machine-readable expected files under fixtures/expected/<name>/:
//
//   goroutines.json  /goroutines and every /goroutine?name=… page (Breakdown and
//                    Special ranges tables), durations back in integer ns
//   pprof.json       go tool trace -pprof={net,sync,syscall,sched}, decoded
//   pprof-<kind>.pb  the raw (gzipped) profile bytes, when ≤ 200 KB
//   tasks.json       /usertasks summary table with the latency histograms
//   regions.json     /userregions summary table with the latency histograms
//   mmu.json         /mmu?mode=plot&flags=system|stw|background|assist (the page's defaults)
//
// and fixtures/expected/index.json (status of every fixture captured so far).
//
// Usage:
//   node scripts/capture-go-tool-trace.mjs [FIXTURE...]   FIXTURE: a path, or a name in fixtures/traces
//   node scripts/capture-go-tool-trace.mjs --self-test    unit tests of the parsers, no go needed
// With no FIXTURE: every trace in fixtures/traces/ named <program>-go*.trace for
// the programs in DEFAULT_PROGRAMS. Plain Node ≥ 20 ESM, no dependencies.
// Exit status 1 if a sanity check failed or a capture errored (a trace that
// go tool trace cannot open is skipped, reported, and not an error).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tracesDir = join(repo, 'fixtures/traces');
const expectedDir = join(repo, 'fixtures/expected');
const DEFAULT_PROGRAMS = ['mutex', 'chansel', 'tcp', 'fileio', 'annotations', 'gcheavy', 'cpuprofile', 'httppprof', 'iterpull'];
const PPROF_KINDS = ['net', 'sync', 'syscall', 'sched'];
const MMU_FLAGS = 'system|stw|background|assist'; // the checked inputs of the /mmu page, in page order
const MAX_PB_BYTES = 200 * 1024;
const MAX_STACKS = 200;
const MAX_PLAIN_JSON = 100 * 1024; // larger JSON files are written as <name>.json.gz
const START_TIMEOUT_MS = 120_000;
const FETCH_TIMEOUT_MS = 60_000;
const PPROF_TIMEOUT_MS = 120_000;
const INACTIVE_GROUP = '(Inactive, no stack trace sampled)';

// ---------------------------------------------------------------------------
// Go time.Duration strings → integer nanoseconds (exact).

const UNIT_NS = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/** Parses a Go duration string (time.Duration.String() output, or any time.ParseDuration input with an exact ns value) to a BigInt. */
export function parseGoDurationBig(str) {
  const s = String(str).trim();
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i = 1;
  }
  if (s.slice(i) === '0') return 0n;
  if (i >= s.length) throw new Error(`invalid duration ${JSON.stringify(str)}`);
  let total = 0n;
  const re = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;
  while (i < s.length) {
    const m = re.exec(s.slice(i));
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) throw new Error(`invalid duration ${JSON.stringify(str)}`);
    const unit = UNIT_NS[m[3]];
    let v = BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    if (frac !== '') {
      const scale = 10n ** BigInt(frac.length);
      const num = BigInt(frac) * unit;
      if (num % scale !== 0n) throw new Error(`duration ${JSON.stringify(str)} is not a whole number of nanoseconds`);
      v += num / scale;
    }
    total += v;
    i += m[0].length;
  }
  total = neg ? -total : total;
  if (total > 9223372036854775807n || total < -9223372036854775808n) throw new Error(`duration ${JSON.stringify(str)} overflows int64`);
  return total;
}

/** Same as parseGoDurationBig, as a Number; throws if the value is not a safe integer. */
export function parseGoDuration(str) {
  const v = parseGoDurationBig(str);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error(`duration ${JSON.stringify(str)} exceeds 2^53 ns`);
  return Number(v);
}

// ---------------------------------------------------------------------------
// HTML: entity decoding and a minimal tree builder (enough for html/template pages).

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', micro: 'µ', plus: '+', ast: '*', lpar: '(', rpar: ')', num: '#', percnt: '%', equals: '=', sol: '/', bsol: '\\', commat: '@', excl: '!', quest: '?', colon: ':', semi: ';', comma: ',', period: '.', lowbar: '_', hyphen: '-', dollar: '$', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', verbar: '|', grave: '`', Hat: '^', tilde: '~', copy: '©', middot: '·', hellip: '…', mdash: '—', ndash: '–', times: '×', rarr: '→', larr: '←' };

/** Decodes numeric (&#43; &#x2b;) and named (&amp; …) character references. Unknown names are left as is. */
export function decodeEntities(s) {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (all, ref) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) return all;
      return String.fromCodePoint(cp === 0 ? 0xfffd : cp);
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : all;
  });
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TAGS = new Set(['script', 'style']);

/** Parses HTML into {tag, attrs, children} / {text} nodes. Closing tags pop to the nearest open match; void elements never open. */
export function parseHTML(html) {
  const root = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1];
  const addText = (t) => {
    if (t) top().children.push({ text: decodeEntities(t) });
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i));
      break;
    }
    addText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const e = html.indexOf('-->', lt + 4);
      i = e < 0 ? html.length : e + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const e = html.indexOf('>', lt);
      i = e < 0 ? html.length : e + 1;
      continue;
    }
    if (html[lt + 1] === '/') {
      const e = html.indexOf('>', lt);
      const name = html.slice(lt + 2, e < 0 ? html.length : e).trim().toLowerCase();
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].tag === name) {
          stack.length = k;
          break;
        }
      }
      i = e < 0 ? html.length : e + 1;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      addText('<');
      i = lt + 1;
      continue;
    }
    const node = { tag: m[1].toLowerCase(), attrs: {}, children: [] };
    let j = lt + m[0].length;
    let selfClosing = false;
    for (;;) {
      while (j < html.length && /\s/.test(html[j])) j++;
      if (j >= html.length) break;
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html[j] === '/' && html[j + 1] === '>') {
        selfClosing = true;
        j += 2;
        break;
      }
      const nm = /^[^\s=>/]+/.exec(html.slice(j, j + 256));
      if (!nm) {
        j++;
        continue;
      }
      const attr = nm[0].toLowerCase();
      j += nm[0].length;
      while (j < html.length && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const e = html.indexOf(q, j + 1);
          value = html.slice(j + 1, e < 0 ? html.length : e);
          j = e < 0 ? html.length : e + 1;
        } else {
          const um = /^[^\s>]*/.exec(html.slice(j));
          value = um[0];
          j += value.length;
        }
      }
      node.attrs[attr] = decodeEntities(value);
    }
    top().children.push(node);
    i = j;
    if (RAW_TAGS.has(node.tag)) {
      const e = html.toLowerCase().indexOf(`</${node.tag}`, i);
      const end = e < 0 ? html.length : e;
      if (end > i) node.children.push({ text: html.slice(i, end) });
      const gt = e < 0 ? html.length : html.indexOf('>', e);
      i = gt < 0 ? html.length : gt + 1;
      continue;
    }
    if (!selfClosing && !VOID_TAGS.has(node.tag)) stack.push(node);
  }
  return root;
}

/** All element descendants (document order) matching pred. */
function findAll(node, pred, out = []) {
  for (const c of node.children ?? []) {
    if (c.tag) {
      if (pred(c)) out.push(c);
      findAll(c, pred, out);
    }
  }
  return out;
}
const byTag = (tag) => (n) => n.tag === tag;
const children = (node, tag) => (node.children ?? []).filter((c) => c.tag === tag);
/** Text content; <br> becomes "\n". */
function textOf(node) {
  if (node.text !== undefined) return node.text;
  if (node.tag === 'br') return '\n';
  if (RAW_TAGS.has(node.tag)) return '';
  return (node.children ?? []).map(textOf).join('');
}
const cellText = (node) => textOf(node).replace(/\u00a0/g, ' ').trim();

/** Rows of a table (direct <tr> children, or inside <tbody>/<thead>), each as its <th>/<td> cells. */
function tableRows(table) {
  const trs = [];
  for (const c of table.children) {
    if (c.tag === 'tr') trs.push(c);
    else if (c.tag === 'tbody' || c.tag === 'thead' || c.tag === 'tfoot') trs.push(...children(c, 'tr'));
  }
  return trs.map((tr) => tr.children.filter((c) => c.tag === 'td' || c.tag === 'th'));
}

// ---------------------------------------------------------------------------
// Go %q unquoting (region types on /userregions).

export function unquoteGo(q) {
  if (q.length < 2 || q[0] !== '"' || q[q.length - 1] !== '"') throw new Error(`not a Go quoted string: ${q}`);
  const body = q.slice(1, -1);
  const bytes = [];
  const pushStr = (s) => bytes.push(...Buffer.from(s, 'utf8'));
  const simple = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };
  for (let i = 0; i < body.length; ) {
    const ch = body[i];
    if (ch !== '\\') {
      const cp = body.codePointAt(i);
      const s = String.fromCodePoint(cp);
      pushStr(s);
      i += s.length;
      continue;
    }
    const e = body[i + 1];
    if (e in simple) {
      bytes.push(simple[e]);
      i += 2;
    } else if (e === 'x') {
      bytes.push(parseInt(body.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      pushStr(String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + n), 16)));
      i += 2 + n;
    } else if (/[0-7]/.test(e)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 4;
    } else {
      throw new Error(`bad escape in ${q}`);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// ---------------------------------------------------------------------------
// Minimal protobuf reader and profile.proto decoder.

class PB {
  constructor(buf, start = 0, end = buf.length) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }
  done() {
    return this.pos >= this.end;
  }
  varintBig() {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new Error('truncated varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7n;
      if (shift > 63n) throw new Error('varint too long');
    }
    return result;
  }
  /** int64 varint (two's complement) as a Number; throws if not safe. */
  int64() {
    const v = BigInt.asIntN(64, this.varintBig());
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error(`int64 ${v} not representable`);
    return Number(v);
  }
  uint64() {
    const v = this.varintBig();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`uint64 ${v} not representable`);
    return Number(v);
  }
  /** Returns [fieldNumber, wireType], or null at the end. */
  key() {
    if (this.done()) return null;
    const k = this.uint64();
    return [Math.floor(k / 8), k % 8];
  }
  bytes() {
    const n = this.uint64();
    if (this.pos + n > this.end) throw new Error('truncated length-delimited field');
    const sub = new PB(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return sub;
  }
  skip(wire) {
    if (wire === 0) this.varintBig();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
    if (this.pos > this.end) throw new Error('truncated field');
  }
  /** A repeated int field that may be packed (wire 2) or not (wire 0). */
  repeated(wire, read, out) {
    if (wire === 2) {
      const sub = this.bytes();
      while (!sub.done()) out.push(read.call(sub));
    } else if (wire === 0) out.push(read.call(this));
    else throw new Error(`bad wire type ${wire} for repeated int`);
  }
  string() {
    const sub = this.bytes();
    return sub.buf.toString('utf8', sub.pos, sub.end);
  }
}

/** Decodes a (possibly gzipped) profile.proto message. */
export function decodeProfile(raw) {
  const gzipped = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const buf = gzipped ? gunzipSync(raw) : Buffer.from(raw);
  const p = new PB(buf);
  const sampleTypes = [];
  const samples = [];
  const locations = new Map();
  const functions = new Map();
  const strings = [];
  let periodType = null;
  let period = 0;
  const valueType = (sub) => {
    const vt = { type: 0, unit: 0 };
    for (let k; (k = sub.key()); ) {
      if (k[0] === 1 && k[1] === 0) vt.type = sub.int64();
      else if (k[0] === 2 && k[1] === 0) vt.unit = sub.int64();
      else sub.skip(k[1]);
    }
    return vt;
  };
  for (let k; (k = p.key()); ) {
    const [f, w] = k;
    if (f === 1 && w === 2) sampleTypes.push(valueType(p.bytes()));
    else if (f === 2 && w === 2) {
      const sub = p.bytes();
      const s = { locationIds: [], values: [] };
      for (let kk; (kk = sub.key()); ) {
        if (kk[0] === 1) sub.repeated(kk[1], PB.prototype.uint64, s.locationIds);
        else if (kk[0] === 2) sub.repeated(kk[1], PB.prototype.int64, s.values);
        else sub.skip(kk[1]);
      }
      samples.push(s);
    } else if (f === 4 && w === 2) {
      const sub = p.bytes();
      const loc = { id: 0, address: 0, lines: [] };
      for (let kk; (kk = sub.key()); ) {
        if (kk[0] === 1 && kk[1] === 0) loc.id = sub.uint64();
        else if (kk[0] === 3 && kk[1] === 0) loc.address = sub.varintBig();
        else if (kk[0] === 4 && kk[1] === 2) {
          const ls = sub.bytes();
          const line = { functionId: 0, line: 0 };
          for (let k3; (k3 = ls.key()); ) {
            if (k3[0] === 1 && k3[1] === 0) line.functionId = ls.uint64();
            else if (k3[0] === 2 && k3[1] === 0) line.line = ls.int64();
            else ls.skip(k3[1]);
          }
          loc.lines.push(line);
        } else sub.skip(kk[1]);
      }
      locations.set(loc.id, loc);
    } else if (f === 5 && w === 2) {
      const sub = p.bytes();
      const fn = { id: 0, name: 0, filename: 0 };
      for (let kk; (kk = sub.key()); ) {
        if (kk[0] === 1 && kk[1] === 0) fn.id = sub.uint64();
        else if (kk[0] === 2 && kk[1] === 0) fn.name = sub.int64();
        else if (kk[0] === 4 && kk[1] === 0) fn.filename = sub.int64();
        else sub.skip(kk[1]);
      }
      functions.set(fn.id, fn);
    } else if (f === 6 && w === 2) strings.push(p.string());
    else if (f === 11 && w === 2) periodType = valueType(p.bytes());
    else if (f === 12 && w === 0) period = p.int64();
    else p.skip(w);
  }
  const str = (i) => strings[i] ?? '';
  return {
    gzipped,
    sampleTypes: sampleTypes.map((vt) => [str(vt.type), str(vt.unit)]),
    periodType: periodType ? [str(periodType.type), str(periodType.unit)] : null,
    period,
    samples: samples.map((s) => {
      const frames = [];
      const files = [];
      const lines = [];
      for (const id of s.locationIds) {
        const loc = locations.get(id);
        if (!loc) throw new Error(`sample refers to missing location ${id}`);
        for (const l of loc.lines) {
          const fn = functions.get(l.functionId);
          frames.push(fn ? str(fn.name) : `?fn${l.functionId}`);
          files.push(fn ? str(fn.filename) : '');
          lines.push(l.line);
        }
      }
      return { frames, files, lines, values: s.values };
    }),
  };
}

/** pprof.json entry for one profile: totals, and stacks sorted by values (last column first, i.e. delay), capped. */
function summarizeProfile(prof) {
  const n = prof.sampleTypes.length;
  const totals = new Array(n).fill(0);
  for (const s of prof.samples) for (let i = 0; i < n; i++) totals[i] += s.values[i] ?? 0;
  const stacks = prof.samples.map((s) => ({ frames: s.frames, lines: s.lines, values: s.values }));
  stacks.sort((a, b) => {
    for (let i = n - 1; i >= 0; i--) if (a.values[i] !== b.values[i]) return b.values[i] - a.values[i];
    const ka = a.frames.join('\n') + '\n' + a.lines.join(',');
    const kb = b.frames.join('\n') + '\n' + b.lines.join(',');
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return {
    gzipped: prof.gzipped,
    sampleTypes: prof.sampleTypes,
    periodType: prof.periodType,
    period: prof.period,
    samples: prof.samples.length,
    totals,
    stacksTruncated: stacks.length > MAX_STACKS,
    stacks: stacks.slice(0, MAX_STACKS),
  };
}

// ---------------------------------------------------------------------------
// Page parsers.

/** /goroutines → [{name, count, execNs}] in page order. */
export function parseGoroutinesPage(html) {
  const doc = parseHTML(html);
  const table = findAll(doc, byTag('table'))[0];
  if (!table) throw new Error('/goroutines: no table');
  const rows = tableRows(table);
  const head = rows[0].map(cellText);
  if (head.join('|') !== 'Start location|Count|Total execution time') throw new Error(`/goroutines: unexpected header ${JSON.stringify(head)}`);
  return rows.slice(1).map((cells) => {
    const a = findAll(cells[0], byTag('a'))[0];
    if (!a) throw new Error('/goroutines: row without a link');
    const href = a.attrs.href ?? '';
    if (!href.startsWith('/goroutine?')) throw new Error(`/goroutines: unexpected link ${href}`);
    const name = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('name') ?? '';
    const label = cellText(a);
    if (label !== (name === '' ? INACTIVE_GROUP : name)) throw new Error(`/goroutines: label ${JSON.stringify(label)} ≠ link name ${JSON.stringify(name)}`);
    return { name, count: Number(cellText(cells[1])), execNs: parseGoDuration(cellText(cells[2])) };
  });
}

const BASE_STATS = { 'Execution time': 'execNs', 'Sched wait time': 'schedWaitNs', 'Syscall execution time': 'syscallNs', 'Unknown time': 'unknownNs' };

/** /goroutine?name=… → {name, count, execPercent, columns, rangeColumns, goroutines: [{id, totalNs, execNs, …, blockNs, rangeNs, inRangeTable}]} */
export function parseGoroutinePage(html) {
  const doc = parseHTML(html);
  const summary = findAll(doc, (n) => n.tag === 'table' && /\bsummary\b/.test(n.attrs.class ?? ''))[0];
  if (!summary) throw new Error('/goroutine: no summary table');
  const info = {};
  for (const cells of tableRows(summary)) if (cells.length >= 2) info[cellText(cells[0])] = cellText(cells[1]);
  const pm = /^(.*?)\s*of total program execution time$/.exec(info['Execution Time:'] ?? '');
  if (!pm) throw new Error(`/goroutine: no execution time line (${JSON.stringify(info['Execution Time:'])})`);
  const details = findAll(doc, (n) => n.tag === 'table' && /\bdetails\b/.test(n.attrs.class ?? ''));
  if (details.length !== 2) throw new Error(`/goroutine: expected 2 details tables, got ${details.length}`);

  const [bHead, ...bRows] = tableRows(details[0]);
  const bCols = bHead.map(cellText);
  if (bCols[0] !== 'Goroutine' || bCols[1] !== 'Total' || bCols[2] !== '') throw new Error(`/goroutine: unexpected breakdown header ${JSON.stringify(bCols)}`);
  const statCols = bCols.slice(3);
  const goroutines = [];
  const byId = new Map();
  for (const cells of bRows) {
    const t = cells.map(cellText);
    if (t.length !== bCols.length) throw new Error(`/goroutine: breakdown row has ${t.length} cells, header ${bCols.length}`);
    if (!/^-?\d+$/.test(t[0])) throw new Error(`/goroutine: bad goroutine id ${JSON.stringify(t[0])}`);
    const g = { id: Number(t[0]), totalNs: parseGoDuration(t[1]), execNs: 0, schedWaitNs: 0, syscallNs: 0, blockNs: {}, unknownNs: 0, rangeNs: {} };
    statCols.forEach((col, k) => {
      const ns = parseGoDuration(t[3 + k]);
      if (BASE_STATS[col]) g[BASE_STATS[col]] = ns;
      else {
        const bm = /^Block time \((.*)\)$/.exec(col);
        if (!bm) throw new Error(`/goroutine: unknown breakdown column ${JSON.stringify(col)}`);
        g.blockNs[bm[1]] = ns;
      }
    });
    goroutines.push(g);
    if (byId.has(g.id)) throw new Error(`/goroutine: duplicate goroutine id ${g.id}`);
    byId.set(g.id, g);
  }

  const [rHead, ...rRows] = tableRows(details[1]);
  const rCols = rHead.map(cellText);
  if (rCols[0] !== 'Goroutine' || rCols[1] !== 'Total') throw new Error(`/goroutine: unexpected ranges header ${JSON.stringify(rCols)}`);
  const rangeCols = rCols.slice(2);
  for (const g of goroutines) for (const c of rangeCols) g.rangeNs[c] = 0;
  for (const cells of rRows) {
    const t = cells.map(cellText);
    if (t.length !== rCols.length) throw new Error(`/goroutine: ranges row has ${t.length} cells, header ${rCols.length}`);
    const g = byId.get(Number(t[0]));
    if (!g) throw new Error(`/goroutine: goroutine ${t[0]} in ranges but not in breakdown`);
    if (parseGoDuration(t[1]) !== g.totalNs) throw new Error(`/goroutine: goroutine ${t[0]} total differs between tables`);
    rangeCols.forEach((c, k) => (g.rangeNs[c] = parseGoDuration(t[2 + k])));
  }
  return {
    name: info['Goroutine start location:'] ?? '',
    count: Number(info['Count:']),
    execPercent: pm[1],
    columns: statCols,
    rangeColumns: rangeCols,
    goroutines,
  };
}

/** A TimeHistogram.ToHTML table → [{minNs, maxNs, count}] (every row the page shows, zero-count ones included). */
function parseHistogram(cell) {
  const table = findAll(cell, byTag('table'))[0];
  if (!table) return [];
  const rows = tableRows(table);
  const buckets = [];
  for (const cells of rows) {
    const t = cells.map(cellText);
    const minNs = parseGoDuration(t[0]);
    if (buckets.length) buckets[buckets.length - 1].maxNs = minNs;
    if (cells.length === 3) buckets.push({ minNs, maxNs: null, count: Number(t[2]) });
    else if (cells.length !== 1) throw new Error(`histogram row with ${cells.length} cells`);
  }
  return buckets;
}

/** /usertasks → [{type, count, histogramCount, histogram}] */
export function parseTasksPage(html) {
  const doc = parseHTML(html);
  const table = findAll(doc, (n) => n.tag === 'table' && n.attrs.sortable !== undefined)[0];
  if (!table) throw new Error('/usertasks: no table');
  const [head, ...rows] = tableRows(table);
  const cols = head.map(cellText);
  if (cols.join('|') !== 'Task type|Count|Duration distribution (complete tasks)') throw new Error(`/usertasks: unexpected header ${JSON.stringify(cols)}`);
  return rows.map((cells) => {
    const histogram = parseHistogram(cells[2]);
    return { type: cellText(cells[0]), count: Number(cellText(cells[1])), completeCount: histogram.reduce((a, b) => a + b.count, 0), histogram };
  });
}

/** /userregions → [{type, func, pc, file, line, count, histogram}] */
export function parseRegionsPage(html) {
  const doc = parseHTML(html);
  const table = findAll(doc, (n) => n.tag === 'table' && n.attrs.sortable !== undefined)[0];
  if (!table) throw new Error('/userregions: no table');
  const [head, ...rows] = tableRows(table);
  const cols = head.map(cellText);
  if (cols[0] !== 'Region type' || cols[1] !== 'Count') throw new Error(`/userregions: unexpected header ${JSON.stringify(cols)}`);
  return rows.map((cells) => {
    const pre = findAll(cells[0], byTag('pre'))[0] ?? cells[0];
    const parts = textOf(pre).split('\n');
    if (parts.length !== 3) throw new Error(`/userregions: unexpected first cell ${JSON.stringify(parts)}`);
    const fm = /^(.*) @ (0x[0-9a-f]+)$/.exec(parts[1]);
    const lm = /^(.*):(-?\d+)$/.exec(parts[2]);
    if (!fm || !lm) throw new Error(`/userregions: unexpected frame ${JSON.stringify(parts)}`);
    const histogram = parseHistogram(cells[2]);
    return { type: unquoteGo(parts[0]), func: fm[1], pc: fm[2], file: lm[1], line: Number(lm[2]), count: Number(cellText(cells[1])), histogram };
  });
}

// ---------------------------------------------------------------------------
// Processes.

const live = new Set();
function killAll() {
  for (const c of live) {
    try {
      c.kill('SIGKILL');
    } catch {}
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

function track(child) {
  live.add(child);
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  child.once('exit', () => live.delete(child));
  child.exited = exited;
  return child;
}

async function stop(child) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await child.exited;
  }
}

/** The go tool trace binary (run directly, so that killing it leaves no child behind) and the toolchain version. */
function toolchain() {
  const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  let bin = null;
  try {
    bin = execFileSync('go', ['tool', '-n', 'trace'], { encoding: 'utf8' }).trim();
    if (!existsSync(bin)) bin = null;
  } catch {}
  return { goVersion, cmd: bin ? [bin] : ['go', 'tool', 'trace'] };
}

/** Starts `go tool trace -http=127.0.0.1:0 F`; resolves {child, url, log} or {error}. */
function startServer(tool, file) {
  const child = track(
    spawn(tool.cmd[0], [...tool.cmd.slice(1), '-http=127.0.0.1:0', file], {
      // cmd/internal/browser tries $BROWSER first; `true` "opens" the URL successfully and does nothing.
      env: { ...process.env, BROWSER: 'true', DISPLAY: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let log = '';
  return new Promise((res) => {
    const timer = setTimeout(async () => {
      await stop(child);
      res({ error: `no listening address after ${START_TIMEOUT_MS} ms`, log });
    }, START_TIMEOUT_MS);
    child.stderr.on('data', (d) => {
      log += d.toString();
      // main.go: log.Printf("Opening browser. Trace viewer is listening on %s", addr)
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        res({ child, url: m[1], get log() { return log; } });
      }
    });
    child.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      res({ error: `exited (${signal ?? code}) before listening`, log });
    });
  });
}

async function get(url, what) {
  const r = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const body = await r.text();
  if (!r.ok) throw new Error(`${what}: HTTP ${r.status}: ${body.slice(0, 300)}`);
  return body;
}

/** Runs `go tool trace -pprof=kind F`; resolves the stdout bytes. */
function runPprof(tool, kind, file) {
  const child = track(spawn(tool.cmd[0], [...tool.cmd.slice(1), `-pprof=${kind}`, file], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const out = [];
  let err = '';
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => (err += d.toString()));
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      stop(child);
      rej(new Error(`-pprof=${kind}: timed out after ${PPROF_TIMEOUT_MS} ms`));
    }, PPROF_TIMEOUT_MS);
    child.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (code === 0) res(Buffer.concat(out));
      else rej(new Error(`-pprof=${kind}: exit ${signal ?? code}: ${err.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------
// Capture.

/** Writes <dir>/<name>.json, or <name>.json.gz (deterministic gzip) when the text exceeds MAX_PLAIN_JSON; returns the file name. */
function writeJSON(dir, name, value) {
  const text = json(value);
  if (Buffer.byteLength(text) <= MAX_PLAIN_JSON) {
    writeFileSync(join(dir, `${name}.json`), text);
    return `${name}.json`;
  }
  writeFileSync(join(dir, `${name}.json.gz`), gzipSync(Buffer.from(text), { level: 9 }));
  return `${name}.json.gz`;
}

/** Pretty JSON, but any value whose compact form fits in 400 characters stays on one line (one goroutine, stack, group … per line). */
function json(v) {
  const fmt = (x, indent) => {
    const flat = JSON.stringify(x);
    if (x === null || typeof x !== 'object' || flat.length + indent.length <= 400) return flat;
    const inner = indent + ' ';
    if (Array.isArray(x)) return `[\n${x.map((e) => inner + fmt(e, inner)).join(',\n')}\n${indent}]`;
    const ents = Object.entries(x).filter(([, e]) => e !== undefined);
    return `{\n${ents.map(([k, e]) => `${inner}${JSON.stringify(k)}: ${fmt(e, inner)}`).join(',\n')}\n${indent}}`;
  };
  return fmt(v, '') + '\n';
}

/** Go's %.2f of a percentage, as the page prints it (JS toFixed rounds exact ties up, Go to even; only a warning). */
const pct = (a, b) => (b > 0 ? ((a / b) * 100).toFixed(2) + '%' : '');

async function captureHTTP(tool, file, outDir, toolName, problems, notes, skipped) {
  const srv = await startServer(tool, file);
  /** Why a request failed: the handler's panic from the server log if there is one (net/http recovers it and drops the connection). */
  const why = async (e) => {
    await new Promise((r) => setTimeout(r, 200));
    const pm = [...srv.log.matchAll(/http: panic serving \S+: (.*)/g)].pop();
    const cause = e?.cause?.message ? ` (${e.cause.message})` : '';
    return pm ? `go tool trace panicked: ${pm[1]}` : `${e.message}${cause}`;
  };
  if (srv.error) return { unopenable: `${srv.error}: ${srv.log.trim().split('\n').slice(-3).join(' / ')}` };
  const written = [];
  try {
    const base = srv.url.replace(/\/$/, '');
    const partial = /Encountered error, but able to proceed\. Error: (.*)/.exec(srv.log);
    if (partial) notes.push(`partial trace: ${partial[1]}`);

    // goroutines.json
    const groupsRaw = parseGoroutinesPage(await get(`${base}/goroutines`, '/goroutines'));
    const names = new Set();
    for (const g of groupsRaw) {
      if (names.has(g.name)) problems.push(`/goroutines lists group ${JSON.stringify(g.name)} twice`);
      names.add(g.name);
    }
    const groupOrder = [...groupsRaw].sort((a, b) => b.execNs - a.execNs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const totalExec = groupsRaw.reduce((a, g) => a + g.execNs, 0);
    const groups = [];
    const goroutines = [];
    const seenIds = new Map();
    for (const grp of groupOrder) {
      const page = parseGoroutinePage(await get(`${base}/goroutine?name=${encodeURIComponent(grp.name)}`, `/goroutine?name=${grp.name}`));
      const label = JSON.stringify(grp.name);
      if (page.name !== grp.name) problems.push(`group ${label}: page says start location ${JSON.stringify(page.name)}`);
      if (page.count !== grp.count) problems.push(`group ${label}: page count ${page.count} ≠ /goroutines count ${grp.count}`);
      if (page.goroutines.length !== grp.count) problems.push(`group ${label}: ${page.goroutines.length} goroutines listed ≠ count ${grp.count}`);
      const sumExec = page.goroutines.reduce((a, g) => a + g.execNs, 0);
      if (sumExec !== grp.execNs) problems.push(`group ${label}: Σ goroutine exec ${sumExec} ns ≠ group exec ${grp.execNs} ns`);
      const expPct = pct(grp.execNs, totalExec);
      if (expPct !== page.execPercent) notes.push(`group ${label}: execPercent ${page.execPercent} (recomputed ${expPct})`);
      groups.push({ name: grp.name, count: grp.count, execNs: grp.execNs, execPercent: page.execPercent, columns: page.columns, rangeColumns: page.rangeColumns });
      for (const g of page.goroutines) {
        if (seenIds.has(g.id)) problems.push(`goroutine ${g.id} appears in groups ${JSON.stringify(seenIds.get(g.id))} and ${label}`);
        seenIds.set(g.id, grp.name);
        const sum = g.execNs + g.schedWaitNs + g.syscallNs + g.unknownNs + Object.values(g.blockNs).reduce((a, b) => a + b, 0);
        if (sum !== g.totalNs) notes.push(`goroutine ${g.id} (${label}): non-overlapping stats sum to ${sum} ns, total ${g.totalNs} ns`);
        if (g.id < 0) notes.push(`goroutine id ${g.id} (${label})`);
        goroutines.push({ ...g, group: grp.name });
      }
    }
    goroutines.sort((a, b) => a.id - b.id);
    const gj = { tool: toolName, file: basename(file), totalExecNs: totalExec, groups, goroutines: goroutines.map(orderGoroutine) };
    if (partial) gj.partialTraceError = partial[1];
    written.push(writeJSON(outDir, 'goroutines', gj));

    // tasks.json, regions.json
    try {
      const tasks = parseTasksPage(await get(`${base}/usertasks`, '/usertasks'));
      written.push(writeJSON(outDir, 'tasks', { tool: toolName, file: basename(file), tasks }));
    } catch (e) {
      skipped['tasks.json'] = await why(e);
    }
    try {
      const regions = parseRegionsPage(await get(`${base}/userregions`, '/userregions'));
      written.push(writeJSON(outDir, 'regions', { tool: toolName, file: basename(file), regions }));
    } catch (e) {
      skipped['regions.json'] = await why(e);
    }

    // mmu.json
    try {
      const body = await get(`${base}/mmu?mode=plot&flags=${encodeURIComponent(MMU_FLAGS)}`, '/mmu');
      const m = JSON.parse(body);
      written.push(writeJSON(outDir, 'mmu', { tool: toolName, file: basename(file), flags: MMU_FLAGS, xMin: m.xMin, xMax: m.xMax, quantiles: m.quantiles, curve: m.curve }));
    } catch (e) {
      skipped['mmu.json'] = await why(e);
    }
    return { written, groups: groups.length, goroutines: goroutines.length };
  } finally {
    await stop(srv.child);
  }
}

function orderGoroutine(g) {
  return { id: g.id, group: g.group, totalNs: g.totalNs, execNs: g.execNs, schedWaitNs: g.schedWaitNs, syscallNs: g.syscallNs, blockNs: g.blockNs, unknownNs: g.unknownNs, rangeNs: g.rangeNs };
}

async function capturePprof(tool, file, outDir, toolName) {
  const profiles = {};
  const written = [];
  for (const kind of PPROF_KINDS) {
    const bytes = await runPprof(tool, kind, file);
    profiles[kind] = summarizeProfile(decodeProfile(bytes));
    if (bytes.length <= MAX_PB_BYTES) {
      writeFileSync(join(outDir, `pprof-${kind}.pb`), bytes);
      written.push(`pprof-${kind}.pb`);
    }
  }
  return [writeJSON(outDir, 'pprof', { tool: toolName, file: basename(file), profiles }), ...written];
}

function defaultFixtures() {
  return readdirSync(tracesDir)
    .filter((f) => f.endsWith('.trace') && DEFAULT_PROGRAMS.some((p) => f.startsWith(p + '-go')))
    .sort()
    .map((f) => join(tracesDir, f));
}

function resolveFixture(arg) {
  for (const c of [arg, join(tracesDir, arg), join(tracesDir, arg + '.trace')]) if (existsSync(c)) return resolve(c);
  throw new Error(`no such fixture: ${arg}`);
}

async function main(args) {
  const files = args.length ? args.map(resolveFixture) : defaultFixtures();
  const tool = toolchain();
  const toolName = `${tool.goVersion} go tool trace`;
  console.log(`${toolName} (${tool.cmd.join(' ')}); ${files.length} fixture(s)`);
  mkdirSync(expectedDir, { recursive: true });
  const indexPath = join(expectedDir, 'index.json');
  const index = existsSync(indexPath) ? JSON.parse(readFileSync(indexPath, 'utf8')) : { fixtures: {} };
  index.tool = toolName;
  let failed = false;
  for (const file of files) {
    const name = basename(file).replace(/\.trace$/, '');
    const outDir = join(expectedDir, name);
    const t0 = performance.now();
    const problems = [];
    const notes = [];
    let entry;
    try {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      const skipped = {};
      const http = await captureHTTP(tool, file, outDir, toolName, problems, notes, skipped);
      if (http.unopenable) {
        rmSync(outDir, { recursive: true, force: true });
        entry = { status: 'skipped', reason: `go tool trace cannot open it: ${http.unopenable}` };
        console.log(`${name}: SKIPPED, ${entry.reason}`);
      } else {
        const pp = await capturePprof(tool, file, outDir, toolName);
        entry = { status: problems.length ? 'check-failed' : 'ok', files: [...http.written, ...pp].sort(), groups: http.groups, goroutines: http.goroutines };
        if (problems.length) entry.problems = problems;
        if (Object.keys(skipped).length) entry.skipped = skipped;
        if (notes.length) entry.notes = notes;
        console.log(`${name}: ${entry.status}, ${http.groups} groups, ${http.goroutines} goroutines, ${entry.files.length} files (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        for (const p of problems) console.log(`  CHECK FAILED: ${p}`);
        for (const [f, r] of Object.entries(skipped)) console.log(`  skipped ${f}: ${r}`);
        for (const n of notes) console.log(`  note: ${n}`);
        if (problems.length) failed = true;
      }
    } catch (e) {
      failed = true;
      entry = { status: 'error', error: String(e?.message ?? e) };
      console.log(`${name}: ERROR ${entry.error}`);
    }
    index.fixtures[name] = entry;
  }
  index.fixtures = Object.fromEntries(Object.entries(index.fixtures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(indexPath, json({ tool: index.tool, fixtures: index.fixtures }));
  killAll();
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Self-test (no go needed): node scripts/capture-go-tool-trace.mjs --self-test

function selfTest() {
  let n = 0;
  const eq = (got, want, what) => {
    n++;
    const g = typeof got === 'bigint' ? `${got}n` : JSON.stringify(got);
    const w = typeof want === 'bigint' ? `${want}n` : JSON.stringify(want);
    if (g !== w) throw new Error(`${what}: got ${g}, want ${w}`);
  };
  const throws = (f, what) => {
    n++;
    try {
      f();
    } catch {
      return;
    }
    throw new Error(`${what}: did not throw`);
  };
  // time.Duration(v).String() for these v, printed by Go 1.26.
  const cases = [
    ['0s', 0n], ['1ns', 1n], ['9ns', 9n], ['532ns', 532n], ['999ns', 999n], ['1µs', 1000n], ['1.001µs', 1001n], ['1.2µs', 1200n],
    ['1.234µs', 1234n], ['999.999µs', 999999n], ['1ms', 1000000n], ['1.000001ms', 1000001n], ['1.234567ms', 1234567n], ['1.5ms', 1500000n],
    ['999.999999ms', 999999999n], ['1s', 1000000000n], ['1.000000001s', 1000000001n], ['1.5s', 1500000000n], ['59.999999999s', 59999999999n],
    ['1m0s', 60000000000n], ['1m1s', 61000000000n], ['59m59.999999999s', 3599999999999n], ['1h0m0s', 3600000000000n],
    ['1h0m0.000000001s', 3600000000001n], ['2h3m4.5s', 7384500000000n], ['2h3m4.500000001s', 7384500000001n], ['25h1m1s', 90061000000000n],
    ['2562047h47m16.854775807s', 9223372036854775807n], ['-2562047h47m16.854775808s', -9223372036854775808n], ['-1ns', -1n],
    ['-1.234567ms', -1234567n], ['-2h3m4.5s', -7384500000000n], ['100ns', 100n], ['10µs', 10000n], ['100µs', 100000n], ['10ms', 10000000n],
    ['100ms', 100000000n], ['24h0m0s', 86400000000000n],
  ];
  for (const [s, v] of cases) eq(parseGoDurationBig(s), v, `parse ${s}`);
  eq(parseGoDuration('1.2µs'), 1200, 'Number 1.2µs');
  eq(parseGoDuration('1.2μs'), 1200, 'Greek mu');
  eq(parseGoDuration('1.2us'), 1200, 'us');
  eq(parseGoDuration(' 16.2784ms '), 16278400, 'trimmed');
  eq(parseGoDuration('0'), 0, 'bare 0');
  eq(parseGoDuration('.5s'), 500000000, 'leading dot');
  eq(parseGoDuration('1h'), 3600000000000, '1h');
  throws(() => parseGoDuration('2562047h47m16.854775807s'), 'unsafe Number');
  throws(() => parseGoDurationBig('1.2345µs'), 'sub-ns fraction');
  throws(() => parseGoDurationBig('2562047h47m16.854775808s'), 'int64 overflow');
  throws(() => parseGoDurationBig(''), 'empty');
  throws(() => parseGoDurationBig('12'), 'no unit');
  throws(() => parseGoDurationBig('1.s.'), 'junk');
  throws(() => parseGoDurationBig('1x'), 'bad unit');

  eq(decodeEntities('runtime.%28%2atraceAdvancerState%29 &#43;&#34;&#39;&amp;&lt;&gt;&#x2A;&quot;&nbsp;&bogus;'), 'runtime.%28%2atraceAdvancerState%29 +"\'&<>*"\u00a0&bogus;', 'entities');
  eq(decodeEntities('net/http.&#40;&#42;Server&#41;.Serve'), 'net/http.(*Server).Serve', 'numeric parens');

  const tree = parseHTML('<!DOCTYPE html><table class="x"><tr><th> A</th><th></th></tr><tr><td> <a href="/g?name=a%2bb&amp;x=1">a&#43;b</a> </td><td><table><tr><td>inner</td></tr></table></td></tr></table><br><script>if (a < b) {}</script>');
  const t = findAll(tree, byTag('table'))[0];
  eq(t.attrs.class, 'x', 'attr');
  const rows = tableRows(t);
  eq(rows.length, 2, 'outer rows only');
  eq(rows[0].map(cellText), ['A', ''], 'header cells');
  eq(cellText(rows[1][0]), 'a+b', 'decoded text');
  eq(findAll(rows[1][0], byTag('a'))[0].attrs.href, '/g?name=a%2bb&x=1', 'decoded attr');
  eq(cellText(rows[1][1]), 'inner', 'nested table text');
  eq(unquoteGo('"a\\"b\\\\c\\x41\\u00e9\\n"'), 'a"b\\cAé\n', 'unquote');
  eq(unquoteGo('"\\xc3\\xa9"'), 'é', 'unquote bytes');

  // Goroutine page fragment as go tool trace writes it.
  const page = `<table class="summary"><tr><td>Goroutine start location:</td><td><code>net/http.&#40;&#42;Server&#41;.Serve</code></td></tr>
<tr><td>Count:</td><td>2</td></tr><tr><td>Execution Time:</td><td>1.50% of total program execution time </td></tr></table>
<table class="details"><tr><th> Goroutine</th><th class="link"> Total</th><th></th><th> Execution time</th><th> Block time (chan receive)</th><th> Block time (syscall)</th><th> Sched wait time</th><th> Syscall execution time</th><th> Unknown time</th></tr>
<tr><td> <a href="/trace?goid=7">7</a> </td><td> 2h3m4.5s </td><td><div class="stacked-bar-graph"><span style="width: 1%">&nbsp;</span></div></td><td> 1.2µs</td><td> 0s</td><td> 3ns</td><td> 1ms</td><td> 0s</td><td> 2h3m3.498998797s</td></tr>
<tr><td> <a href="/trace?goid=8">8</a> </td><td> 5ns </td><td><div class="stacked-bar-graph"></div></td><td> 5ns</td><td> 0s</td><td> 0s</td><td> 0s</td><td> 0s</td><td> 0s</td></tr></table>
<table class="details"><tr><th> Goroutine</th><th> Total</th><th style="x"> GC mark assist</th></tr><tr><td><a>7</a></td><td> 2h3m4.5s </td><td> 532ns</td></tr></table>`;
  const pg = parseGoroutinePage(page);
  eq(pg.name, 'net/http.(*Server).Serve', 'page name');
  eq([pg.count, pg.execPercent], [2, '1.50%'], 'page summary');
  eq(pg.goroutines[0], { id: 7, totalNs: 7384500000000, execNs: 1200, schedWaitNs: 1000000, syscallNs: 0, blockNs: { 'chan receive': 0, syscall: 3 }, unknownNs: 7383498998797, rangeNs: { 'GC mark assist': 532 } }, 'goroutine 7');
  eq(pg.goroutines[1].rangeNs, { 'GC mark assist': 0 }, 'goroutine 8 not in ranges');

  const prof = summarizeProfile(
    { gzipped: false, sampleTypes: [['contentions', 'count'], ['delay', 'nanoseconds']], periodType: null, period: 1, samples: [{ frames: ['a'], lines: [1], values: [1, 5] }, { frames: ['b'], lines: [1], values: [9, 7] }, { frames: ['c'], lines: [1], values: [2, 7] }] },
  );
  eq(prof.totals, [12, 19], 'totals');
  eq(prof.stacks.map((s) => s.frames[0]), ['b', 'c', 'a'], 'stack order');

  // A hand-built profile: packed and unpacked repeated fields, gzip.
  const varint = (v) => {
    const out = [];
    let x = BigInt.asUintN(64, BigInt(v));
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x) b |= 0x80;
      out.push(b);
    } while (x);
    return out;
  };
  const field = (num, wire, payload) => [...varint(num * 8 + wire), ...(wire === 2 ? [...varint(payload.length), ...payload] : payload)];
  const str = (s) => [...Buffer.from(s)];
  const msg = [
    ...field(6, 2, []), ...field(6, 2, str('contentions')), ...field(6, 2, str('count')), ...field(6, 2, str('leaf')), ...field(6, 2, str('root')),
    ...field(1, 2, [...field(1, 0, varint(1)), ...field(2, 0, varint(2))]),
    ...field(5, 2, [...field(1, 0, varint(1)), ...field(2, 0, varint(3))]),
    ...field(5, 2, [...field(1, 0, varint(2)), ...field(2, 0, varint(4))]),
    ...field(4, 2, [...field(1, 0, varint(1)), ...field(3, 0, varint(0x401000)), ...field(4, 2, [...field(1, 0, varint(1)), ...field(2, 0, varint(10))])]),
    ...field(4, 2, [...field(1, 0, varint(2)), ...field(4, 2, [...field(1, 0, varint(2)), ...field(2, 0, varint(20))])]),
    ...field(2, 2, [...field(1, 2, [...varint(1), ...varint(2)]), ...field(2, 2, varint(-3))]),
    ...field(2, 2, [...field(1, 0, varint(2)), ...field(2, 0, varint(300))]),
    ...field(12, 0, varint(1)),
  ];
  const dec = decodeProfile(Buffer.from(msg));
  eq(dec.sampleTypes, [['contentions', 'count']], 'decoded sample types');
  eq(dec.samples.map((s) => [s.frames, s.lines, s.values]), [[['leaf', 'root'], [10, 20], [-3]], [['root'], [20], [300]]], 'decoded samples');
  eq(decodeProfile(gzipSync(Buffer.from(msg))).samples.length, 2, 'gzipped');
  console.log(`self-test: ${n} checks passed`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--self-test')) {
    selfTest();
  } else {
    main(args).then(
      (code) => process.exit(code),
      (e) => {
        console.error(e);
        killAll();
        process.exit(1);
      },
    );
  }
}
