/**
 * One line of the trainer's metrics.jsonl. JSON has no NaN or Infinity, so non-finite values
 * are written as Python's `json.dumps` writes them (`NaN`, `Infinity`, `-Infinity`), the tokens
 * our metric parser accepts (DESIGN.md); the trainer context refuses them before they get here
 * (a diverged training), but the format stays total. Strings are written as they are: the
 * parser keeps only numbers, so a string is recorded in the file but never compared.
 */
export interface MetricTree {
  [name: string]: number | string | MetricTree;
}

export interface MetricsLine {
  text: string;
  /** The non-finite values on this line, by dotted name. */
  nonFinite: Array<{ name: string; value: number }>;
}

/**
 * One metrics.jsonl line: `{"step": step, …metrics}` as compact JSON, nested objects kept
 * nested; `step` null gives a line of final values (no step key). A non-finite number is
 * written as Python's json writes it (NaN, Infinity) and listed in `nonFinite`.
 * @throws TypeError for a step that is not a non-negative safe integer, or a metric named "step".
 */
export function formatMetricsLine(step: number | null, metrics: MetricTree): MetricsLine {
  if (step !== null && !(Number.isSafeInteger(step) && step >= 0))
    throw new TypeError(`log(step, metrics): step must be a non-negative integer or null, got ${String(step)}`);
  if (Object.hasOwn(metrics, 'step'))
    throw new TypeError('log(step, metrics): "step" is the step key; pass the step as the first argument');
  const nonFinite: MetricsLine['nonFinite'] = [];
  const body = formatTree(metrics, '', nonFinite);
  const text = step === null ? body : body === '{}' ? `{"step":${step}}` : `{"step":${step},${body.slice(1)}`;
  return { text, nonFinite };
}

function formatTree(tree: MetricTree, prefix: string, nonFinite: MetricsLine['nonFinite']): string {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree))
    throw new TypeError(`log(step, metrics): ${prefix || 'metrics'} must be an object of numbers (or strings)`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (key === '') throw new TypeError(`log(step, metrics): empty metric name under ${prefix || 'the top level'}`);
    const text =
      typeof value === 'number'
        ? formatNumber(value, name, nonFinite)
        : typeof value === 'string'
          ? JSON.stringify(value)
          : formatTree(value, name, nonFinite);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function formatNumber(value: number, name: string, nonFinite: MetricsLine['nonFinite']): string {
  if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  nonFinite.push({ name, value });
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}
