import type { Dtype } from './dtypes.ts';
import { dtypeSize } from './dtypes.ts';
import type { SafetensorsTensor } from './format.ts';

/**
 * Element conversion between safetensors' little-endian dtypes and doubles, for comparing and
 * averaging weights. Every supported dtype converts to double exactly except I64/U64 beyond
 * ±2^53, which round to the nearest double. Works on whole tensors or on chunks of one (a
 * chunk must hold whole elements).
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A tensor's elements as doubles, in the tensor's row-major order (`data` must hold whole
 * elements of `dtype`). BOOL reads as 0/1; I64/U64 beyond ±2^53 round to the nearest double.
 */
export function toFloat64Array(tensor: SafetensorsTensor): Float64Array {
  const values = new Float64Array(tensor.data.byteLength / dtypeSize(tensor.dtype));
  decodeToFloat64(tensor.dtype, tensor.data, values);
  return values;
}

/**
 * Decodes `bytes` (whole elements of `dtype`, little-endian, any alignment) into
 * `out[0..count)`, count = bytes.byteLength / the dtype size; `out` must hold that many.
 * @returns the element count.
 */
export function decodeToFloat64(dtype: Dtype, bytes: Uint8Array, out: Float64Array): number {
  const count = bytes.byteLength / dtypeSize(dtype);
  // Typed-array conversion runs in native code, several times faster than a DataView loop; it
  // reads the platform's byte order, so only on a little-endian one and when aligned.
  if (LITTLE_ENDIAN && (dtype === 'F32' || dtype === 'F64') && bytes.byteOffset % dtypeSize(dtype) === 0) {
    out.set(
      dtype === 'F32'
        ? new Float32Array(bytes.buffer, bytes.byteOffset, count)
        : new Float64Array(bytes.buffer, bytes.byteOffset, count),
    );
    return count;
  }
  // One loop per dtype rather than one loop over a table of element readers: a reader called
  // through a table is a call site that sees every dtype and is not inlined; that measured 1.1x
  // (F16) to 8x (I32, unaligned F32) slower per element. Likewise in encodeFromFloat64.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case 'F32':
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
      break;
    case 'F64':
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, true);
      break;
    case 'F16':
      for (let i = 0; i < count; i++) out[i] = halfToNumber(view.getUint16(i * 2, true));
      break;
    case 'BF16':
      for (let i = 0; i < count; i++) out[i] = bfloat16ToNumber(view.getUint16(i * 2, true));
      break;
    case 'BOOL':
      for (let i = 0; i < count; i++) out[i] = bytes[i] === 0 ? 0 : 1;
      break;
    case 'U8':
      for (let i = 0; i < count; i++) out[i] = bytes[i]!;
      break;
    case 'I8':
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case 'I16':
      for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
      break;
    case 'U16':
      for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, true);
      break;
    case 'I32':
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
      break;
    case 'U32':
      for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
      break;
    case 'I64':
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      break;
    case 'U64':
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigUint64(i * 8, true));
      break;
  }
  return count;
}

/**
 * Encodes `values[0..count)` as little-endian `dtype` into `out` (count × the dtype size bytes),
 * rounding to nearest, ties to even, as numpy's `astype` does from float64. Only float dtypes:
 * averaging never writes integer tensors (they are taken from one checkpoint).
 */
export function encodeFromFloat64(
  dtype: 'F64' | 'F32' | 'F16' | 'BF16',
  values: Float64Array,
  count: number,
  out: Uint8Array,
): void {
  // Float64 -> Float32 typed-array conversion rounds to nearest even, as DataView.setFloat32 does.
  if (LITTLE_ENDIAN && (dtype === 'F32' || dtype === 'F64') && out.byteOffset % dtypeSize(dtype) === 0) {
    (dtype === 'F32'
      ? new Float32Array(out.buffer, out.byteOffset, count)
      : new Float64Array(out.buffer, out.byteOffset, count)
    ).set(values.subarray(0, count));
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  switch (dtype) {
    case 'F64':
      for (let i = 0; i < count; i++) view.setFloat64(i * 8, values[i]!, true);
      return;
    case 'F32':
      for (let i = 0; i < count; i++) view.setFloat32(i * 4, values[i]!, true);
      return;
    case 'F16':
      for (let i = 0; i < count; i++) view.setUint16(i * 2, numberToHalf(values[i]!), true);
      return;
    case 'BF16':
      for (let i = 0; i < count; i++) view.setUint16(i * 2, numberToBfloat16(values[i]!), true);
      return;
  }
}

/** IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** binary16 bits of a double, rounded to nearest even (overflow to ±Infinity, NaN kept quiet). */
function numberToHalf(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const magnitude = Math.abs(value);
  if (magnitude >= 65520) return sign | 0x7c00; // 65520 = max half + half an ulp: rounds to infinity
  if (magnitude < 2 ** -14) return sign | roundHalfEven(magnitude / 2 ** -24); // subnormal (may round up to the smallest normal)
  const exponent = Math.floor(Math.log2(magnitude));
  // log2 can be off by one near powers of two; correct it so that 1 <= m < 2.
  const e = magnitude / 2 ** exponent >= 2 ? exponent + 1 : magnitude / 2 ** exponent < 1 ? exponent - 1 : exponent;
  const fraction = roundHalfEven((magnitude / 2 ** e - 1) * 1024);
  // A fraction that rounds to 1024 carries into the exponent, which the bit sum does by itself.
  return sign | (((e + 15) << 10) + fraction);
}

/** Scaled values here are exact in double (a power-of-two scaling), so this rounding is the only one. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const scratch = new DataView(new ArrayBuffer(4));

/** bfloat16 is the upper half of a float32. */
function bfloat16ToNumber(bits: number): number {
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}

/**
 * bfloat16 bits of a double, rounded to nearest even. Through float32 first; that double
 * rounding is wrong only when float32 lands exactly on a bfloat16 tie, which is then broken
 * by the side of the tie the double lay on.
 */
function numberToBfloat16(value: number): number {
  if (Number.isNaN(value)) return 0x7fc0;
  const single = Math.fround(value);
  scratch.setFloat32(0, single);
  const bits = scratch.getUint32(0);
  const upper = bits >>> 16;
  const lower = bits & 0xffff;
  if (!Number.isFinite(single)) return upper;
  let roundUp: boolean;
  if (lower > 0x8000) roundUp = true;
  else if (lower < 0x8000) roundUp = false;
  else if (single === value) roundUp = (upper & 1) === 1;
  else roundUp = Math.abs(value) > Math.abs(single);
  return (roundUp ? upper + 1 : upper) & 0xffff;
}
