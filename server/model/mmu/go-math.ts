import { readFileSync } from 'node:fs';

/**
 * Go's math.Log and math.Exp as go tool trace runs them on amd64, bit for bit.
 *
 * Why not Math.log / Math.exp: the /mmu plot's x values are
 * `time.Duration(math.Exp(i/99*(logMax-logMin) + logMin))`, and the two ends
 * of that range land within an ulp of an integer (Go's first window for
 * xMin = 1000 ns is 999 ns). One ulp of difference in Exp moves a window by
 * 1 ns there, so we use Go's own algorithms: the fdlibm-style Log of
 * math/log_amd64.s and the Shibata/SLEEF Exp of math/exp_amd64.s, whose
 * fused multiply-adds (used when the CPU has AVX and FMA, as any x86-64 since
 * 2013 has) are emulated exactly with BigInt arithmetic.
 */

// log_amd64.s constants.
const HSQRT2 = 7.07106781186547524401e-1;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const L1 = 6.666666666666735130e-1;
const L2 = 3.999999999940941908e-1;
const L3 = 2.857142874366239149e-1;
const L4 = 2.222219843214978396e-1;
const L5 = 1.818357216161805012e-1;
const L6 = 1.531383769920937332e-1;
const L7 = 1.479819860511658591e-1;

const buf = new DataView(new ArrayBuffer(8));

function bitsOf(x: number): bigint {
  buf.setFloat64(0, x);
  return buf.getBigUint64(0);
}

function fromBits(b: bigint): number {
  buf.setBigUint64(0, BigInt.asUintN(64, b));
  return buf.getFloat64(0);
}

/** math.Log(x) as math/log_amd64.s computes it (plain SSE2, no FMA). */
export function goLog(x: number): number {
  if (x === 0) return -Infinity;
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === Infinity) return x;
  // f1, k := Frexp(x): the assembly takes the exponent field as is, so it does not renormalize subnormals either.
  const bits = bitsOf(x);
  let f1 = fromBits((bits & 0x000fffffffffffffn) | 0x3fe0000000000000n);
  let k = Number((bits >> 52n) & 0x7ffn) - 0x3fe;
  if (f1 < HSQRT2) {
    k -= 1;
    f1 *= 2;
  }
  const f = f1 - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  const s4 = s2 * s2;
  const t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  const t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  const r = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

// exp_amd64.s constants.
const LOG2E = 1.4426950408889634073599246810018920;
const LN2U = 0.69314718055966295651160180568695068359375;
const LN2L = 0.28235290563031577122588448175013436025525412068e-12;
const OVERFLOW = 7.09782712893384e2;
const C = [2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0];

/** Whether Go's math package takes the FMA path on this machine (cpu.X86.HasAVX && HasFMA). */
export const GO_USES_FMA: boolean = detectFma();

function detectFma(): boolean {
  if (process.arch !== 'x64') return true;
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const flags = /^flags\s*:(.*)$/m.exec(info)?.[1].split(/\s+/) ?? [];
    return flags.includes('avx') && flags.includes('fma');
  } catch {
    return true; // not Linux: every x86-64 CPU Go still supports in practice has AVX+FMA
  }
}

/** math.Exp(x) as math/exp_amd64.s computes it. */
export function goExp(x: number, useFma: boolean = GO_USES_FMA): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > OVERFLOW) return Infinity;
  // CVTSD2SL rounds to nearest even (the default MXCSR mode), not toward zero.
  const k = roundHalfEven(LOG2E * x);
  let r: number;
  if (useFma) {
    r = fma(-k, LN2U, x);
    r = fma(-k, LN2L, r);
    r *= 0.0625;
    let p = C[0];
    for (let i = 1; i < C.length; i++) p = fma(p, r, C[i]);
    r *= p;
    for (let i = 0; i < 3; i++) r *= r + 2;
    r = fma(r, r + 2, 1);
  } else {
    r = x - LN2U * k;
    r -= LN2L * k;
    r *= 0.0625;
    let p = C[0];
    for (let i = 1; i < C.length; i++) p = p * r + C[i];
    r *= p;
    for (let i = 0; i < 4; i++) r *= 2 + r;
    r += 1;
  }
  let e = k + 0x3ff;
  if (e <= 0) {
    if (e < -52) return 0;
    r *= fromBits(BigInt(e + 0x3fe) << 52n);
    e = 1;
  } else if (e >= 0x7ff) {
    return Infinity;
  }
  return r * fromBits(BigInt(e) << 52n);
}

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** A finite nonzero double as mantissa × 2^exponent with an integer mantissa. */
function decompose(x: number): { m: bigint; e: number } {
  const bits = bitsOf(x);
  const expField = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0x000fffffffffffffn;
  let e: number;
  if (expField === 0) e = -1074;
  else {
    m |= 0x0010000000000000n;
    e = expField - 1075;
  }
  return { m: bits >> 63n ? -m : m, e };
}

/** a × b + c with a single rounding (IEEE fusedMultiplyAdd), for finite arguments. */
export function fma(a: number, b: number, c: number): number {
  if (a === 0 || b === 0 || c === 0 || !Number.isFinite(a * b) || !Number.isFinite(c)) return a * b + c;
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  const ep = da.e + db.e;
  const e = Math.min(ep, dc.e);
  let sum = ((da.m * db.m) << BigInt(ep - e)) + (dc.m << BigInt(dc.e - e));
  if (sum === 0n) return 0;
  // Keep 64 significant bits plus a sticky bit so Number() cannot overflow; 64 > 53 + 2, so
  // rounding the shortened value gives the same double as rounding the exact one.
  const neg = sum < 0n;
  if (neg) sum = -sum;
  const drop = sum.toString(2).length - 64;
  let exp2 = e;
  if (drop > 0) {
    const sticky = sum & ((1n << BigInt(drop)) - 1n) ? 1n : 0n;
    sum = (sum >> BigInt(drop)) | sticky;
    exp2 += drop;
  }
  // Number(bigint) rounds to nearest, ties to even; the power-of-two scaling after it is exact
  // while the result stays normal, which it does for everything Exp feeds in here.
  const r = scale(Number(sum), exp2);
  return neg ? -r : r;
}

function scale(x: number, e: number): number {
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  return x * 2 ** e;
}
