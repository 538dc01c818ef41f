/** Number formatting shared by the markdown report and the chart. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(7)));
  return value.toExponential(4);
}

/** A difference; NaN and Infinity (a diverged value on one side) are shown as such, never as 0. */
export function formatDiff(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return 'Inf';
  return value.toExponential(2);
}

/** A step for a table cell: the number, or an em dash for none (a final value, or no such step). */
export function formatStep(step: number | null): string {
  return step === null ? '—' : String(step);
}

/** Escapes text for a markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
