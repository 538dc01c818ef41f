import type { SafetensorsTensor } from './format.ts';
import { dtypeSize } from './dtypes.ts';

/**
 * A tensor's elements as doubles, for numeric comparison and averaging. Every supported
 * dtype converts exactly except I64/U64 beyond ±2^53, which round to the nearest double.
 */
export function toFloat64Array(tensor: SafetensorsTensor): Float64Array {
  const view = new DataView(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  const count = tensor.data.byteLength / dtypeSize(tensor.dtype);
  const values = new Float64Array(count);
  const read = elementReader(tensor.dtype, view);
  for (let index = 0; index < count; index++) values[index] = read(index);
  return values;
}

function elementReader(dtype: SafetensorsTensor['dtype'], view: DataView): (index: number) => number {
  switch (dtype) {
    case 'BOOL':
      return (i) => (view.getUint8(i) === 0 ? 0 : 1);
    case 'U8':
      return (i) => view.getUint8(i);
    case 'I8':
      return (i) => view.getInt8(i);
    case 'I16':
      return (i) => view.getInt16(i * 2, true);
    case 'U16':
      return (i) => view.getUint16(i * 2, true);
    case 'F16':
      return (i) => halfToNumber(view.getUint16(i * 2, true));
    case 'BF16':
      return (i) => bfloat16ToNumber(view.getUint16(i * 2, true));
    case 'I32':
      return (i) => view.getInt32(i * 4, true);
    case 'U32':
      return (i) => view.getUint32(i * 4, true);
    case 'F32':
      return (i) => view.getFloat32(i * 4, true);
    case 'F64':
      return (i) => view.getFloat64(i * 8, true);
    case 'I64':
      return (i) => Number(view.getBigInt64(i * 8, true));
    case 'U64':
      return (i) => Number(view.getBigUint64(i * 8, true));
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

/** bfloat16 is the upper half of a float32. */
function bfloat16ToNumber(bits: number): number {
  const scratch = new DataView(new ArrayBuffer(4));
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}
