/**
 * Sums over all float tensors, chunk by chunk, for the cosine between successive deltas: for
 * each checkpoint k ≥ 1, ‖dₖ‖² with dₖ = cₖ − cₖ₋₁, and dₖ·dₖ₋₁. The merge feeds it the same
 * decoded float64 chunks it averages, so the weighted sum is taken in the same pass. The test
 * (successive deltas pointing back, cosine near −0.5 or below, is what averaging cancels) is the
 * background note's on model merging, in seeds/.
 */
export class SimilarityAccumulator {
  private readonly deltaNorms: number[];
  private readonly deltaDots: number[];

  /** `count`: the number of checkpoints K. */
  constructor(count: number) {
    this.deltaNorms = new Array(Math.max(count - 1, 0)).fill(0);
    this.deltaDots = new Array(Math.max(count - 2, 0)).fill(0);
  }

  /** The first checkpoint on one chunk: starts the weighted sum. */
  first(current: Float64Array, sum: Float64Array, weight: number, count: number): void {
    for (let i = 0; i < count; i++) sum[i] = weight * current[i]!;
  }

  /**
   * Checkpoint k (≥ 1) on one chunk: adds it to the weighted sum, in the same pass as the delta
   * sums (the merge's cost is this loop). `previousDelta` holds dₖ₋₁ and is replaced by dₖ.
   * Two interleaved accumulators per sum break the dependency chain of the additions.
   */
  next(
    k: number,
    current: Float64Array,
    previous: Float64Array,
    previousDelta: Float64Array,
    sum: Float64Array,
    weight: number,
    count: number,
  ): void {
    let normEven = 0;
    let normOdd = 0;
    let dotEven = 0;
    let dotOdd = 0;
    let i = 0;
    for (; i + 1 < count; i += 2) {
      const x0 = current[i]!;
      const x1 = current[i + 1]!;
      const delta0 = x0 - previous[i]!;
      const delta1 = x1 - previous[i + 1]!;
      sum[i]! += weight * x0;
      sum[i + 1]! += weight * x1;
      normEven += delta0 * delta0;
      normOdd += delta1 * delta1;
      dotEven += delta0 * previousDelta[i]!;
      dotOdd += delta1 * previousDelta[i + 1]!;
      previousDelta[i] = delta0;
      previousDelta[i + 1] = delta1;
    }
    if (i < count) {
      const x = current[i]!;
      const delta = x - previous[i]!;
      sum[i]! += weight * x;
      normEven += delta * delta;
      dotEven += delta * previousDelta[i]!;
      previousDelta[i] = delta;
    }
    this.deltaNorms[k - 1]! += normEven + normOdd;
    if (k >= 2) this.deltaDots[k - 2]! += dotEven + dotOdd;
  }

  /**
   * cos(dₖ₊₁, dₖ) for k = 1 … K−2 (K−2 values, none for K < 3); NaN where a delta is all zeros
   * (two identical checkpoints in a row).
   */
  cosines(): { deltaCosines: number[] } {
    return {
      deltaCosines: this.deltaDots.map((dot, i) => dot / Math.sqrt(this.deltaNorms[i]! * this.deltaNorms[i + 1]!)),
    };
  }
}
