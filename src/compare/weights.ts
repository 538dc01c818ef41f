import type { CheckpointEntry } from '../record/types.ts';

export interface WeightsComparison {
  /** Report lines, one per finding. */
  lines: string[];
  /** Tensors whose bytes differ, or that only one side has, by name. */
  differing: string[];
  /** Tensors of the two final checkpoints, counted once per name (the "of N" in "3 of 12 differ"). */
  tensors: number;
  compared: boolean;
  /**
   * Set when the baseline holds final-weight hashes and this run wrote no checkpoint: the weights
   * could not be compared, which is drift under `exact` (never a quiet pass) and a note otherwise.
   */
  notProduced: string | null;
}

/**
 * Compares the per-tensor SHA-256 of the last checkpoint of each side. Hashes show only
 * whether weights are bit-identical: under `exact` a difference is drift, elsewhere it is
 * reported (the metric curves carry the tolerance check). `label` names a checkpoint that has
 * no step of its own (the merged one) in the report's first line.
 */
export function compareFinalCheckpoints(
  baseline: CheckpointEntry[] | undefined,
  current: CheckpointEntry[] | undefined,
  label?: string,
): WeightsComparison {
  const last = (list: CheckpointEntry[] | undefined) =>
    list && list.length > 0 ? [...list].sort((a, b) => a.step - b.step).at(-1)! : null;
  const base = last(baseline);
  const run = last(current);
  const prefix = label ? `${label}: ` : '';
  if (!run && base) {
    const cause = `${prefix}the baseline has final-weight hashes (step ${base.step}, ${base.tensors.length} tensor${base.tensors.length === 1 ? '' : 's'}); this run wrote no checkpoint`;
    return {
      lines: [cause],
      differing: base.tensors.map((t) => t.name),
      tensors: base.tensors.length,
      compared: false,
      notProduced: cause,
    };
  }
  if (!run) return { lines: [], differing: [], tensors: 0, compared: false, notProduced: null };
  if (!base)
    return {
      lines: [
        `${prefix}this run wrote checkpoints (last at step ${run.step}, ${run.tensors.length} tensors); the baseline has none to compare with`,
      ],
      differing: [],
      tensors: run.tensors.length,
      compared: false,
      notProduced: null,
    };
  const baseByName = new Map(base.tensors.map((t) => [t.name, t]));
  const differing: string[] = [];
  const missing: string[] = [];
  for (const tensor of run.tensors) {
    const other = baseByName.get(tensor.name);
    if (!other) continue;
    baseByName.delete(tensor.name);
    if (
      other.sha256 !== tensor.sha256 ||
      other.dtype !== tensor.dtype ||
      other.shape.join('x') !== tensor.shape.join('x')
    )
      differing.push(tensor.name);
  }
  for (const name of baseByName.keys()) missing.push(name);
  const baseNames = new Set(base.tensors.map((t) => t.name));
  const added = run.tensors.filter((t) => !baseNames.has(t.name)).map((t) => t.name);
  const lines = [
    label ??
      (base.step === run.step
        ? `final checkpoint (step ${run.step})`
        : `final checkpoints differ in step: baseline ${base.step}, this run ${run.step}`),
    differing.length === 0 && missing.length === 0 && added.length === 0
      ? `all ${run.tensors.length} tensors bit-identical to the baseline`
      : `${differing.length} of ${run.tensors.length} tensors differ from the baseline${differing.length > 0 ? `: ${listSome(differing)}` : ''}`,
  ];
  if (missing.length > 0) lines.push(`missing from this run: ${listSome(missing)}`);
  if (added.length > 0) lines.push(`new in this run: ${listSome(added)}`);
  return {
    lines,
    differing: [...differing, ...missing, ...added],
    tensors: run.tensors.length + missing.length,
    compared: true,
    notProduced: null,
  };
}

function listSome(names: string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} and ${names.length - 10} more`;
}
