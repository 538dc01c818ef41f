import type { MetricData } from '../metrics/series.ts';
import { compareMetrics } from '../compare/compare.ts';
import { TolerancePicker } from '../compare/tolerance.ts';

/**
 * Recommended per-metric tolerances (pure), in the manner of Megatron-LM's golden values: the
 * smallest rtol (and, where the reference is 0, atol) under which every run in `runs` passes
 * against `reference`, times `margin`. Returns the `metric-tolerances:` YAML block, one glob per
 * metric (its exact name), and a comment line saying what it was measured on.
 */
export function recommendTolerances(
  reference: MetricData,
  runs: readonly MetricData[],
  options: { margin: number; ignore: readonly string[]; what: string },
): string {
  const worst = new Map<string, { rtol: number; atol: number }>();
  const exact = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, 'exact', {});
  for (const run of runs) {
    for (const m of compareMetrics(reference, run, { tolerances: exact, include: [], ignore: options.ignore })
      .metrics) {
      if (m.status === 'new' || m.status === 'missing') continue;
      const entry = worst.get(m.name) ?? { rtol: 0, atol: 0 };
      // maxRelDiff is Infinity where the reference is 0: that difference needs an atol instead.
      if (m.maxRelDiff !== null && Number.isFinite(m.maxRelDiff)) entry.rtol = Math.max(entry.rtol, m.maxRelDiff);
      else if (m.maxAbsDiff !== null) entry.atol = Math.max(entry.atol, m.maxAbsDiff);
      worst.set(m.name, entry);
    }
  }
  const round = (x: number) => Number((x * options.margin).toPrecision(2));
  const lines = [
    `# Passes every one of ${runs.length} ${options.what} with a margin of ${options.margin}x (repro-check band --recommend).`,
    'metric-tolerances:',
  ];
  for (const [name, { rtol, atol }] of [...worst].sort(([a], [b]) => a.localeCompare(b))) {
    const keys =
      rtol === 0 && atol === 0
        ? '{ exact: true }'
        : `{ rtol: ${round(rtol)}${atol > 0 ? `, atol: ${round(atol)}` : ''} }`;
    lines.push(`  ${JSON.stringify(name)}: ${keys}`);
  }
  return lines.join('\n') + '\n';
}
