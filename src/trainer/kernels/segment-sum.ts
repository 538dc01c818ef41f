/**
 * tf.unsortedSegmentSum on plain typed arrays (kernel `UnsortedSegmentSum`, the gradient of
 * tf.gather and so of tf.layers.embedding): out[s, j] = sum of x[i, j] over the rows i with
 * segmentIds[i] = s. Rows are added in ascending i as float64 and rounded to float32 once, so the
 * result does not depend on anything but the inputs. Ids outside [0, numSegments) are dropped,
 * as TensorFlow does.
 *
 * @param x row-major [segmentIds.length, rowSize], float32 or int32
 * @returns row-major [numSegments, rowSize], of x's type
 */
export function unsortedSegmentSum<T extends Float32Array | Int32Array>(
  x: T,
  segmentIds: Int32Array,
  numSegments: number,
  rowSize: number,
): T {
  const sums = new Float64Array(numSegments * rowSize);
  for (let row = 0; row < segmentIds.length; row++) {
    const segment = segmentIds[row]!;
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j]! += x[from + j]!;
  }
  return (x instanceof Int32Array ? Int32Array.from(sums) : Float32Array.from(sums)) as T;
}
