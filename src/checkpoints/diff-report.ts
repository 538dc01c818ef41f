import { encodeNumber } from '../numbers.ts';
import type { TensorDiff, WeightDiff } from './diff.ts';

/** Rendering of a weight diff (pure): JSON for tools, markdown for people. */

/** Rows shown in markdown before "… and N more" (JSON always has every tensor). */
const MAX_TENSOR_ROWS = 50;

/**
 * `{"status", "tolerance", "tensors": [{name, status, dtype, shape, other?, maxAbsDiff, relL2,
 * cosine}], "layers": [{layer, tensors, differing, maxAbsDiff, relL2}]}`; non-finite numbers as
 * the strings "NaN", "Infinity" (DESIGN.md), null where not computed.
 */
export function weightDiffToJson(diff: WeightDiff, files: { a: string; b: string }): object {
  const number = (value: number | null) => (value === null ? null : encodeNumber(value));
  return {
    status: diff.status,
    a: files.a,
    b: files.b,
    tolerance: diff.tolerance === null ? null : { rtol: diff.tolerance.rtol, atol: diff.tolerance.atol },
    tensors: diff.tensors.map((t) => ({
      name: t.name,
      status: t.status,
      dtype: t.dtype,
      shape: t.shape,
      ...(t.other ? { other: t.other } : {}),
      maxAbsDiff: number(t.maxAbsDiff),
      relL2: number(t.relL2),
      cosine: number(t.cosine),
    })),
    layers: diff.layers.map((l) => ({ ...l, maxAbsDiff: encodeNumber(l.maxAbsDiff), relL2: encodeNumber(l.relL2) })),
  };
}

/**
 * A markdown section for people: a headline (identical, within tolerance, or how many tensors
 * differ), the tensors missing or mismatched on one side, a per-layer table when there is more
 * than one layer, and the tensors that differ (at most 50 rows). Numbers to 6 significant
 * digits, or in exponent form outside [1e-3, 1e4).
 * @param files the paths shown for A and B
 * @returns the section's text, ending in a newline.
 */
export function renderWeightDiffMarkdown(diff: WeightDiff, files: { a: string; b: string }): string {
  const counts = new Map<string, number>();
  for (const t of diff.tensors) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const headline =
    diff.status === 'identical'
      ? `all ${diff.tensors.length} tensors bit-identical`
      : diff.status === 'within-tolerance'
        ? `all ${diff.tensors.length} tensors within rtol ${diff.tolerance!.rtol}, atol ${diff.tolerance!.atol} (${counts.get('identical') ?? 0} bit-identical)`
        : `${diff.tensors.length - (counts.get('identical') ?? 0) - (counts.get('within-tolerance') ?? 0)} of ${diff.tensors.length} tensors differ${diff.tolerance ? ` beyond rtol ${diff.tolerance.rtol}, atol ${diff.tolerance.atol}` : ''}`;
  const lines = [
    `### Weights: ${files.b} against ${files.a}`,
    '',
    `**${diff.status === 'differ' ? 'differ' : 'pass'}**: ${headline}.`,
    '',
  ];
  const notes = diff.tensors.filter((t) => t.status === 'mismatch' || t.status === 'only-a' || t.status === 'only-b');
  for (const t of notes) {
    if (t.status === 'mismatch')
      lines.push(
        `- \`${t.name}\`: ${t.dtype} [${t.shape.join(', ')}] in A, ${t.other!.dtype} [${t.other!.shape.join(', ')}] in B`,
      );
    else lines.push(`- \`${t.name}\` only in ${t.status === 'only-a' ? 'A' : 'B'}`);
  }
  if (notes.length > 0) lines.push('');
  if (diff.layers.length > 1) {
    lines.push('| layer | tensors | differ | max abs diff | rel L2 |', '| --- | ---: | ---: | ---: | ---: |');
    for (const l of diff.layers)
      lines.push(
        `| \`${l.layer}\` | ${l.tensors} | ${l.differing} | ${formatNumber(l.maxAbsDiff)} | ${formatNumber(l.relL2)} |`,
      );
    lines.push('');
  }
  const changed = diff.tensors.filter((t) => t.status !== 'identical' && t.maxAbsDiff !== null);
  if (changed.length > 0) {
    lines.push(
      '| tensor | dtype | shape | status | max abs diff | rel L2 | cosine |',
      '| --- | --- | --- | --- | ---: | ---: | ---: |',
    );
    for (const t of changed.slice(0, MAX_TENSOR_ROWS)) lines.push(tensorRow(t));
    if (changed.length > MAX_TENSOR_ROWS)
      lines.push(`| … and ${changed.length - MAX_TENSOR_ROWS} more (see --format json) | | | | | | |`);
    lines.push('');
  }
  return lines.join('\n');
}

function tensorRow(t: TensorDiff): string {
  return `| \`${t.name}\` | ${t.dtype} | [${t.shape.join(', ')}] | ${t.status} | ${formatNumber(t.maxAbsDiff!)} | ${formatNumber(t.relL2!)} | ${formatNumber(t.cosine!)} |`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4
    ? String(Number(value.toPrecision(6)))
    : value.toExponential(3);
}
