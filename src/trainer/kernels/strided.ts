/**
 * Element-wise broadcasting and axis permutation on plain typed arrays, walking the output in
 * row-major order with an odometer of per-dimension strides instead of converting every flat
 * index to coordinates and back (what tfjs-backend-cpu 4.22.0 does, allocating two arrays per
 * element). Each output element is computed from the same input elements with the same
 * operation as tfjs's kernels, so the results are bit-identical; only the indexing is faster.
 */

/** Row-major strides of `shape` in elements. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    strides[dim] = stride;
    stride *= shape[dim]!;
  }
  return strides;
}

const sizeOf = (shape: readonly number[]) => shape.reduce((size, dim) => size * dim, 1);

/**
 * Visits every index of `shape` in row-major order and calls `visitRow(offsets, rowLength)` once
 * per innermost row, where offsets[k] is the flat offset of the row's first element in input k
 * (strides[k] gives input k's stride along each dimension of `shape`, 0 where it broadcasts).
 */
function forEachRow(
  shape: readonly number[],
  strides: ReadonlyArray<readonly number[]>,
  visitRow: (offsets: number[], outStart: number) => void,
): void {
  const rank = shape.length;
  const rowLength = rank === 0 ? 1 : shape[rank - 1]!;
  const total = sizeOf(shape);
  if (total === 0) return;
  const position = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  const offsets = strides.map(() => 0);
  for (let outStart = 0; outStart < total; outStart += rowLength) {
    visitRow(offsets, outStart);
    for (let dim = rank - 2; dim >= 0; dim--) {
      position[dim]!++;
      for (let k = 0; k < offsets.length; k++) offsets[k]! += strides[k]![dim]!;
      if (position[dim]! < shape[dim]!) break;
      for (let k = 0; k < offsets.length; k++) offsets[k]! -= strides[k]![dim]! * shape[dim]!;
      position[dim] = 0;
    }
  }
}

/** The strides of an input of `inShape` read along `outShape` under NumPy broadcasting (0 where it repeats). */
function broadcastStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const own = rowMajorStrides(inShape);
  const lead = outShape.length - inShape.length;
  return outShape.map((_, dim) => (dim < lead || inShape[dim - lead] === 1 ? 0 : own[dim - lead]!));
}

/**
 * out[i] = op(a[...], b[...]) over the broadcast shape `outShape` (NumPy rules, as tfjs's
 * assertAndGetBroadcastShape computed it), stored into a Float32Array (rounding op's double
 * result once, as tfjs does).
 */
export function broadcastBinary(
  a: Float32Array,
  aShape: readonly number[],
  b: Float32Array,
  bShape: readonly number[],
  outShape: readonly number[],
  op: (a: number, b: number) => number,
): Float32Array {
  const out = new Float32Array(sizeOf(outShape));
  const aStrides = broadcastStrides(aShape, outShape);
  const bStrides = broadcastStrides(bShape, outShape);
  const rowLength = outShape.length === 0 ? 1 : outShape[outShape.length - 1]!;
  const aStep = aStrides[outShape.length - 1] ?? 0;
  const bStep = bStrides[outShape.length - 1] ?? 0;
  forEachRow(outShape, [aStrides, bStrides], ([aStart, bStart], outStart) => {
    for (let k = 0; k < rowLength; k++) out[outStart + k] = op(a[aStart! + k * aStep]!, b[bStart! + k * bStep]!);
  });
  return out;
}

/**
 * x transposed by `perm` (output dimension d is input dimension perm[d]), into a new array of
 * x's type: tfjs's `transpose`, copied values only.
 */
export function transposeValues<T extends Float32Array | Int32Array | Uint8Array>(
  x: T,
  shape: readonly number[],
  perm: readonly number[],
): T {
  const inStrides = rowMajorStrides(shape);
  const outShape = perm.map((axis) => shape[axis]!);
  const readStrides = perm.map((axis) => inStrides[axis]!);
  const out = new (x.constructor as new (length: number) => T)(x.length);
  const rowLength = outShape.length === 0 ? 1 : outShape[outShape.length - 1]!;
  const step = readStrides[outShape.length - 1] ?? 0;
  forEachRow(outShape, [readStrides], ([start], outStart) => {
    for (let k = 0; k < rowLength; k++) out[outStart + k] = x[start! + k * step]!;
  });
  return out;
}

/**
 * Sums of consecutive runs of `reduceSize` elements, each a float64 sum in index order rounded to
 * float32 once: tfjs-backend-cpu's `sum` once the reduced axes are innermost.
 */
export function sumInnermost(x: Float32Array, outSize: number, reduceSize: number): Float32Array {
  const out = new Float32Array(outSize);
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    const offset = i * reduceSize;
    for (let j = 0; j < reduceSize; j++) sum += x[offset + j]!;
    out[i] = sum;
  }
  return out;
}
