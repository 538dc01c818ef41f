/**
 * The safetensors element types we read and write, with their size in bytes.
 * The order is the reference library's (`safetensors::Dtype`, smallest to widest): its writer
 * puts wider types first so that every tensor's data starts aligned to its element size, and
 * our writer does the same so that a file we write matches the one it would write.
 */
const DTYPE_SIZES = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
} as const;

export type Dtype = keyof typeof DTYPE_SIZES;

export const SUPPORTED_DTYPES = Object.keys(DTYPE_SIZES) as Dtype[];

/** Whether `name` is a dtype string of the safetensors header (`"F32"`, `"BF16"`, …) that we read: case-sensitive. */
export function isSupportedDtype(name: string): name is Dtype {
  return Object.hasOwn(DTYPE_SIZES, name);
}

/** Bytes per element of `dtype` (1, 2, 4 or 8; BOOL takes one byte). */
export function dtypeSize(dtype: Dtype): number {
  return DTYPE_SIZES[dtype];
}

/**
 * Bytes a tensor of `dtype` and `shape` (extents, non-negative integers) takes in a file: the
 * element count (1 for shape []) times the element size, with no padding between elements.
 */
export function tensorByteLength(dtype: Dtype, shape: readonly number[]): number {
  return shape.reduce((product, extent) => product * extent, 1) * DTYPE_SIZES[dtype];
}

/** Position (0 for BOOL up to 12 for U64) in the reference library's dtype order; the writer sorts by it, widest first. */
export function dtypeRank(dtype: Dtype): number {
  return SUPPORTED_DTYPES.indexOf(dtype);
}
