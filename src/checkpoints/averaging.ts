/**
 * The weights of checkpoint averaging (the background note on model merging, seeds/: a moving
 * average of the last checkpoints of a constant-LR run is a low-pass filter on the weights and
 * predicts what annealing would reach). Pure.
 */

/** Simple, exponential or linearly weighted moving average. */
export type AveragingMethod = 'sma' | 'ema' | 'wma';
export const AVERAGING_METHODS: readonly AveragingMethod[] = ['sma', 'ema', 'wma'];
/** The EMA decay d when none is given. */
export const DEFAULT_EMA_DECAY = 0.9;

/**
 * Weights of the checkpoints, oldest first, summing to 1.
 * - sma: 1/K each.
 * - ema: the exponential moving average e₁ = c₁, eᵢ = d·eᵢ₋₁ + (1−d)·cᵢ unrolled: c₁ gets d^(K−1),
 *   cᵢ (i ≥ 2) gets (1−d)·d^(K−i).
 * - wma: linearly rising, cᵢ gets i / (K(K+1)/2), the newest heaviest.
 * @param count K, the number of checkpoints (≥ 1)
 * @param decay d in (0, 1), read by ema only
 * @returns K weights, oldest first
 */
export function averagingWeights(method: AveragingMethod, count: number, decay = DEFAULT_EMA_DECAY): number[] {
  switch (method) {
    case 'sma':
      return Array.from({ length: count }, () => 1 / count);
    case 'ema':
      return Array.from({ length: count }, (_, i) =>
        i === 0 ? decay ** (count - 1) : (1 - decay) * decay ** (count - 1 - i),
      );
    case 'wma':
      return Array.from({ length: count }, (_, i) => (i + 1) / ((count * (count + 1)) / 2));
  }
}
