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

export function isSupportedDtype(name: string): name is Dtype {
  return Object.hasOwn(DTYPE_SIZES, name);
}

export function dtypeSize(dtype: Dtype): number {
  return DTYPE_SIZES[dtype];
}

/** Position in the reference library's dtype order; the writer sorts by it, widest first. */
export function dtypeRank(dtype: Dtype): number {
  return SUPPORTED_DTYPES.indexOf(dtype);
}
