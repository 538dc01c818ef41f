import path from 'node:path';

/**
 * Which checkpoints are "the last K": ordered by the `step` in their metadata when every one
 * has it, else by the natural order of their file names — numbers compared as numbers, so
 * `ckpt-100` comes after `ckpt-20` (a lexical sort would average the wrong ones). Pure.
 */

export interface OrderedCheckpoint {
  path: string;
  /** From the `step` metadata; null when absent or not an integer. */
  step: number | null;
}

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/**
 * `checkpoints` oldest first (a new array): by step when every one has a step, else (and between
 * equal steps) by the natural order of the file names, then of the whole paths.
 */
export function orderCheckpoints<T extends OrderedCheckpoint>(checkpoints: readonly T[]): T[] {
  const byName = (a: T, b: T) =>
    naturalOrder.compare(path.basename(a.path), path.basename(b.path)) || naturalOrder.compare(a.path, b.path);
  const allStepped = checkpoints.every((c) => c.step !== null);
  return [...checkpoints].sort((a, b) => (allStepped ? a.step! - b.step! : 0) || byName(a, b));
}

/** The `step` metadata (a string of decimal digits, as our trainer writes it) as an integer, or null. */
export function metadataStep(metadata: Record<string, string> | null): number | null {
  const step = metadata?.step;
  return step !== undefined && /^\d+$/.test(step) ? Number(step) : null;
}
