/**
 * One line of the trainer's metrics.jsonl. JSON has no NaN or Infinity, so non-finite values
 * are written as Python's `json.dumps` writes them (`NaN`, `Infinity`, `-Infinity`), the tokens
 * our metric parser accepts (DESIGN.md); a NaN loss is a finding to report, not to hide.
 */
export interface MetricTree {
  [name: string]: number | MetricTree;
}

export interface MetricsLine {
  text: string;
  /** Dotted names of the non-finite values on this line. */
  nonFinite: string[];
}

/** `step` null gives a line of final values (no step key). */
export function formatMetricsLine(step: number | null, metrics: MetricTree): MetricsLine {
  if (step !== null && !(Number.isSafeInteger(step) && step >= 0)) throw new TypeError(`log(step, metrics): step must be a non-negative integer or null, got ${String(step)}`);
  if (Object.hasOwn(metrics, 'step')) throw new TypeError('log(step, metrics): "step" is the step key; pass the step as the first argument');
  const nonFinite: string[] = [];
  const body = formatTree(metrics, '', nonFinite);
  const text = step === null ? body : body === '{}' ? `{"step":${step}}` : `{"step":${step},${body.slice(1)}`;
  return { text, nonFinite };
}

function formatTree(tree: MetricTree, prefix: string, nonFinite: string[]): string {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) throw new TypeError(`log(step, metrics): ${prefix || 'metrics'} must be an object of numbers`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (key === '') throw new TypeError(`log(step, metrics): empty metric name under ${prefix || 'the top level'}`);
    parts.push(`${JSON.stringify(key)}:${typeof value === 'number' ? formatNumber(value, name, nonFinite) : formatTree(value, name, nonFinite)}`);
  }
  return `{${parts.join(',')}}`;
}

function formatNumber(value: number, name: string, nonFinite: string[]): string {
  if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  nonFinite.push(name);
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}
