/**
 * Largest-Triangle-Three-Buckets down-sampling (Sveinn Steinarsson, "Downsampling Time Series for
 * Visual Representation", MSc thesis, University of Iceland, 2013, section 4.2): keeps the points
 * that carry a curve's visual shape, so that a chart of 40 points out of 5,000 still shows the kink
 * where two training curves part, which evenly spaced picks step over.
 *
 * Extended in two ways the thesis leaves open:
 * - several curves over one x axis (baseline, this run, their difference) choose one set of indices:
 *   a candidate's triangle area is summed over the curves, each scaled by its own value range so a
 *   loss of 1e3 does not drown a difference of 1e-5;
 * - `mustKeep` indices (the first divergent step, the first out-of-tolerance step) are always kept:
 *   the series is cut at them and each piece is down-sampled on its own, its ends fixed.
 *
 * @param x ascending x values (steps), length n
 * @param curves one or more y arrays of length n; non-finite values count as 0 area
 * @param maxPoints the most indices returned (>= 2, and >= the number of distinct kept indices)
 * @param mustKeep indices that are always in the result; out-of-range ones are ignored
 * @returns ascending indices into x, at most `maxPoints` of them, always 0 and n - 1 (n >= 1)
 * @throws RangeError when maxPoints < 2 or the curves' lengths differ from x's
 */
export function lttbIndices(
  x: readonly number[],
  curves: ReadonlyArray<readonly number[]>,
  maxPoints: number,
  mustKeep: readonly number[] = [],
): number[] {
  const n = x.length;
  if (maxPoints < 2) throw new RangeError(`lttbIndices: maxPoints must be at least 2, got ${maxPoints}`);
  if (curves.some((c) => c.length !== n)) throw new RangeError(`lttbIndices: every curve needs ${n} values, one per x`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const anchors = [...new Set([0, ...mustKeep.filter((i) => Number.isInteger(i) && i > 0 && i < n - 1), n - 1])].sort(
    (a, b) => a - b,
  );
  if (anchors.length > maxPoints)
    throw new RangeError(`lttbIndices: ${anchors.length} indices must be kept but maxPoints is ${maxPoints}`);
  const scaled = curves.map(scaleToUnitRange);
  // Points between anchors, shared out in proportion to each piece's interior length.
  const interiors = anchors.slice(1).map((end, k) => end - anchors[k]! - 1);
  const budgets = shareOut(maxPoints - anchors.length, interiors);
  const result: number[] = [anchors[0]!];
  anchors.slice(1).forEach((end, k) => {
    const start = anchors[k]!;
    result.push(...piece(x, scaled, start, end, budgets[k]!), end);
  });
  return result;
}

/** The interior indices LTTB picks strictly between `start` and `end` (both kept by the caller). */
function piece(x: readonly number[], curves: number[][], start: number, end: number, budget: number): number[] {
  const interior = end - start - 1;
  if (interior <= budget) return Array.from({ length: interior }, (_, i) => start + 1 + i);
  const picked: number[] = [];
  const bucketSize = interior / budget;
  let previous = start;
  for (let bucket = 0; bucket < budget; bucket++) {
    const from = start + 1 + Math.floor(bucket * bucketSize);
    const to = start + 1 + Math.floor((bucket + 1) * bucketSize); // exclusive
    // The third corner: the average of the next bucket, or the piece's end for the last bucket.
    const nextFrom = to;
    const nextTo =
      bucket === budget - 1 ? end + 1 : Math.min(end + 1, start + 1 + Math.floor((bucket + 2) * bucketSize));
    const nextX = mean(x, nextFrom, nextTo);
    const nextYs = curves.map((y) => mean(y, nextFrom, nextTo));
    let best = from;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      let area = 0;
      for (let c = 0; c < curves.length; c++) {
        const y = curves[c]!;
        area += Math.abs(
          (x[previous]! - nextX) * (y[i]! - y[previous]!) - (x[previous]! - x[i]!) * (nextYs[c]! - y[previous]!),
        );
      }
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    picked.push(best);
    previous = best;
  }
  return picked;
}

function mean(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/** Maps a curve onto [0, 1] by its finite range; non-finite values become 0 so they add no area. */
function scaleToUnitRange(values: readonly number[]): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  const range = high > low ? high - low : 0;
  return values.map((v) => (Number.isFinite(v) ? (range === 0 ? 0 : (v - low) / range) : 0));
}

/** Splits `total` into whole shares proportional to `weights`, largest remainders first; no share exceeds its weight. */
function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= total) return [...weights];
  const exact = weights.map((w) => (w * total) / sum);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, remainder: e - Math.floor(e) })).sort((a, b) => b.remainder - a.remainder);
  for (let left = total - shares.reduce((a, b) => a + b, 0), k = 0; left > 0; k++, left--) shares[order[k]!.i]! += 1;
  return shares;
}
