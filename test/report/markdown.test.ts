import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { renderMarkdown, type ReportInput } from '../../src/report/markdown.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import { renderHtml } from '../../src/report/html.ts';
import { COMMENT_BODY_LIMIT } from '../../src/github/text-limits.ts';
import { firstDivergentStepOverall } from '../../src/compare/outcome.ts';
import { checkReportToJson } from '../../src/report/json.ts';
import {
  renderMermaidCharts,
  axisScale,
  alignSeries,
  MAX_CHART_POINTS,
  CHART_PALETTE,
} from '../../src/report/chart.ts';
import type { MetricData } from '../../src/metrics/series.ts';

function curves(metricCount: number, steps: number, shift: (metric: number, step: number) => number): MetricData {
  const series = new Map<string, { steps: number[]; values: number[] }>();
  for (let m = 0; m < metricCount; m++) {
    const stepList = Array.from({ length: steps }, (_, s) => s);
    series.set(`layer_${m}.grad_norm`, { steps: stepList, values: stepList.map((s) => 1 / (1 + s) + shift(m, s)) });
  }
  return { series, finals: new Map(), notes: [] };
}

function reportFor(baseline: MetricData, current: MetricData): ReportInput {
  const verdict = compareMetrics(baseline, current, {
    tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
    include: [],
    ignore: [],
  });
  return {
    outcome: verdict.status,
    verdict,
    baselineData: baseline,
    currentData: current,
    runLabel: 'commit abc',
    baselineLabel: '.repro/baseline.json',
    toleranceLines: ['rtol 1e-5, atol 1e-8 — from default'],
    environmentDifferences: [{ key: 'gpu.driver', baseline: '550.54', current: '560.1' }],
    checkpointLines: [],
    notes: [],
  };
}

test('a drift report names the first divergent step, lists drift first and charts the drifted curve', () => {
  const baseline = curves(3, 50, () => 0);
  const current = curves(3, 50, (m, s) => (m === 1 && s >= 17 ? 0.01 : 0));
  const text = renderMarkdown(reportFor(baseline, current));
  assert.match(text, /^## ❌ repro-check: drift in 1 of 3 metrics — curves part at step 17/);
  const firstRow = text.split('\n').find((l) => l.startsWith('| layer_'))!;
  assert.match(firstRow, /^\| layer_1\.grad_norm @49 .* \| 17 \| 17 \| \*\*drift\*\* \|$/);
  assert.match(
    text,
    /```mermaid\n%%\{init: .*\}%%\nxychart-beta\n.*\n    x-axis "step \(▲ first divergent 17, out of tolerance from 17\)"/,
  );
  assert.match(text, /\| gpu\.driver \| 550\.54 \| 560\.1 \|/);
});

test('a pass report says whether the run was bit-for-bit identical', () => {
  const same = curves(2, 10, () => 0);
  assert.match(renderMarkdown(reportFor(same, same)), /reproduced — 2 metrics within tolerance, bit-for-bit identical/);
  const close = curves(2, 10, (_m, s) => (s === 3 ? 1e-12 : 0));
  const text = renderMarkdown(reportFor(same, close));
  assert.match(text, /within tolerance\n/);
  assert.doesNotMatch(text, /bit-for-bit/);
});

test("a 100-metric drift over 2,000 steps stays under GitHub's comment limit", () => {
  const baseline = curves(100, 2000, () => 0);
  const current = curves(100, 2000, (m, s) => (s > m ? 1e-3 : 0));
  const full = renderMarkdown(reportFor(baseline, current), Infinity);
  const fitted = renderMarkdown(reportFor(baseline, current));
  assert.ok(full.length > 0);
  assert.ok(fitted.length <= COMMENT_BODY_LIMIT, `${fitted.length} characters`);
  assert.match(fitted, /drift in 100 of 100 metrics — curves part at step 1/);
  const tiny = renderMarkdown(reportFor(baseline, current), 3000);
  assert.ok(tiny.length <= 3000);
  assert.match(tiny, /report truncated to fit/);
});

function mermaidLines(chart: string, keyword: string): string[][] {
  return chart
    .split('\n')
    .filter((l) => l.trim().startsWith(keyword))
    .map((l) => l.slice(l.indexOf('[') + 1, l.lastIndexOf(']')).split(', '));
}

test('charts: at most 40 x labels keeping the first divergent, first out-of-tolerance and last steps; a difference chart; an explicit palette', () => {
  const steps = Array.from({ length: 5000 }, (_, i) => i);
  const baseline = { steps, values: steps.map((s) => 1 / (1 + s)) };
  const current = { steps, values: steps.map((s) => 1 / (1 + s) + (s >= 2345 ? 1e-7 * (s - 2344) : 0)) };
  const chart = renderMermaidCharts('loss', baseline, current, {
    firstDivergentStep: 2345,
    firstOutOfToleranceStep: 3001,
  })!;
  const blocks = chart.split('```mermaid').slice(1);
  assert.equal(blocks.length, 2, 'the curves and the difference');
  const [xAxis] = mermaidLines(blocks[0]!, 'x-axis');
  assert.ok(xAxis!.length <= MAX_CHART_POINTS, `${xAxis!.length} x labels`);
  assert.ok(xAxis!.includes('"▲2345"'), 'the first divergent step, marked');
  assert.ok(xAxis!.includes('3001') && xAxis!.includes('4999') && xAxis!.includes('0'));
  assert.match(
    blocks[0]!,
    new RegExp(`"plotColorPalette":"${CHART_PALETTE.current.hex}, ${CHART_PALETTE.baseline.hex}"`),
  );
  assert.match(blocks[0]!, /title "loss: this run \(red\) vs baseline \(grey\)"/);
  assert.match(blocks[0]!, /x-axis "step \(▲ first divergent 2345, out of tolerance from 3001\)"/);
  const [difference] = mermaidLines(blocks[1]!, 'line');
  assert.match(blocks[1]!, /y-axis "difference \(×1e-4\)"/);
  // 1e-7 * (4999 - 2344) = 2.655e-4 at the last step, written without an exponent (mermaid takes none).
  assert.equal(difference!.at(-1), '2.655');
  assert.equal(difference![0], '0');
  assert.ok(
    chart.split('\n').every((l) => !/line \[.*\de[-+]?\d/.test(l)),
    'no exponent in the data',
  );
});

test('axis scaling keeps values readable as plain decimals', () => {
  assert.equal(axisScale([0.5, 2]).suffix, '');
  assert.equal(axisScale([0.5, 2]).format(0.123456789), '0.123457');
  const tiny = axisScale([7.6e-6, -3e-6]);
  assert.equal(tiny.suffix, ' (×1e-6)');
  assert.equal(tiny.format(7.6e-6), '7.6');
  assert.equal(tiny.format(-3e-6), '-3');
  assert.equal(axisScale([0, 0]).format(0), '0');
  assert.equal(axisScale([3e7]).suffix, ' (×1e7)');
});

test('charts beyond the first three drifted metrics fold into <details>', () => {
  const baseline = curves(5, 20, () => 0);
  const current = curves(5, 20, (_m, s) => (s >= 10 ? 0.1 : 0));
  const text = renderMarkdown(reportFor(baseline, current));
  assert.equal(text.match(/```mermaid/g)!.length, 10, 'two charts per drifted metric');
  const curvesSection = text.slice(text.indexOf('### Curves'));
  assert.equal(curvesSection.match(/<details><summary>layer_\d\.grad_norm<\/summary>/g)!.length, 2);
  assert.ok(curvesSection.indexOf('**layer_2.grad_norm**') < curvesSection.indexOf('<details><summary>layer_3'));
});

test('the header puts run, baseline and logs on lines of their own', () => {
  const same = curves(1, 5, () => 0);
  const text = renderMarkdown({ ...reportFor(same, same), runUrl: 'https://example.test/run/1' });
  assert.match(
    text,
    /\*\*Run:\*\* commit abc {2}\n\*\*Baseline:\*\* \.repro\/baseline\.json {2}\n\*\*Logs:\*\* https:\/\/example\.test\/run\/1\n/,
  );
});

test('table cells escape pipes so a metric name cannot break the table', () => {
  const odd: MetricData = { series: new Map([['a|b', { steps: [0], values: [1] }]]), finals: new Map(), notes: [] };
  assert.match(renderMarkdown(reportFor(odd, odd)), /\| a\\\|b @0 \|/);
});

test('a run that stopped early: the headline names the first step it never reached; diff columns say they are maxima', () => {
  const baseline = curves(2, 50, () => 0);
  const current = curves(2, 30, () => 0);
  const report = reportFor(baseline, current);
  const text = renderMarkdown(report);
  assert.match(text, /^## ❌ repro-check: drift in 2 of 2 metrics — curves part at step 30/);
  assert.match(text, /\| metric \| baseline \| current \| max abs diff \| max rel diff \|/);
  assert.equal(firstDivergentStepOverall(report.verdict!), 30);
  // The row names the first missing step in the first-divergent and first-out-of-tolerance columns.
  assert.match(
    text,
    /\| layer_0\.grad_norm @29 \| [^|]+ \| [^|]+ \| 0 \| 0 \| 30 \| 30 \| \*\*drift\*\* \(20 baseline steps missing: 30, 31, 32, 33, 34, …\) \|/,
  );
});

test('a run with extra steps: never "identical"; the steps are listed, capped, and a NaN there is the divergence', () => {
  const baseline = curves(1, 2, () => 0);
  const longer = curves(1, 9, () => 0);
  const text = renderMarkdown(reportFor(baseline, longer));
  assert.doesNotMatch(text, /identical/);
  assert.match(text, /^## ❌ repro-check: drift in 1 of 1 metric — curves part at step 2/);
  assert.match(text, /\*\*drift\*\* \(7 extra steps in this run: 2, 3, 4, 5, 6, …\) \|/);
  const nan: MetricData = {
    ...longer,
    series: new Map(
      [...longer.series].map(([name, s]) => [name, { steps: [0, 1, 2], values: [s.values[0]!, s.values[1]!, NaN] }]),
    ),
  };
  assert.match(renderMarkdown(reportFor(baseline, nan)), /— diverged: `[^`]+` became NaN at step 2 —/);
  const terminal = renderTerminal(reportFor(baseline, longer), { colour: false, columns: 100 });
  assert.match(terminal, /Steps logged on one side only\n {2}\S+: 7 extra steps in this run: 2, 3, 4, 5, 6, …/);
  const html = renderHtml(reportFor(baseline, longer), { js: '', css: '' });
  assert.match(html, /<td>drift \(7 extra steps in this run: 2, 3, 4, 5, 6, …\)<\/td>/);
});

test('only the final weights differ: the headline says so with the tensor count, not "drift in 0 metrics"', () => {
  const same = curves(4, 10, () => 0);
  const report: ReportInput = {
    ...reportFor(same, same),
    outcome: 'drift',
    weightsDrift: { differing: 3, tensors: 12 },
  };
  const text = renderMarkdown(report);
  assert.match(
    text,
    /^## ❌ repro-check: drift — final weights differ \(3 of 12 tensors, exact tolerance\); all 4 metrics are within tolerance\n/,
  );
  assert.doesNotMatch(text, /drift in 0/);
  const json = checkReportToJson({ ...report, verdict: report.verdict! });
  assert.equal(json.status, 'drift', 'agrees with the exit code (1), although the verdict over metrics passed');
  assert.equal(report.verdict!.status, 'pass');
  assert.equal(json.weightsDiffer, 3);
  assert.equal(json.outcome, 'drift');
  const metricsOnly = checkReportToJson({ ...reportFor(same, same), verdict: report.verdict! });
  assert.equal(metricsOnly.status, 'pass');
  assert.equal('weightsDiffer' in metricsOnly, false);
});

test("a drift ends with both ways forward in the user's own names; other outcomes do not", () => {
  const baseline = curves(2, 10, () => 0);
  const current = curves(2, 10, (_m, s) => (s >= 4 ? 0.1 : 0));
  const nextSteps = {
    where: 'pull-request' as const,
    acceptLabel: 'ml/accept drift',
    baselinePath: 'ci/base.json',
    configPath: 'ci/repro.yml',
  };
  const text = renderMarkdown({ ...reportFor(baseline, current), nextSteps });
  const whatNow = text.slice(text.indexOf('### What now'));
  assert.ok(text.trimEnd().endsWith(whatNow.trimEnd()), 'the last section');
  assert.match(
    whatNow,
    /add the label `ml\/accept drift` to this pull request\. The check re-runs when the label is added/,
  );
  assert.match(
    whatNow,
    /`npx repro-check baseline update --config ci\/repro\.yml` on a clean tree and commit `ci\/base\.json`/,
  );
  assert.match(whatNow, /baseline-update workflow/);
  for (const outcome of ['pass', 'accepted', 'error'] as const)
    assert.doesNotMatch(renderMarkdown({ ...reportFor(baseline, current), outcome, nextSteps }), /What now/);
});

test('series are aligned by step over the union of both, with gaps for a missing or non-finite value', () => {
  const aligned = alignSeries(
    { steps: [0, 2, 4, 6], values: [1, NaN, 3, 4] },
    { steps: [0, 1, 4, 8], values: [1, 5, Infinity, 7] },
  );
  assert.deepEqual(aligned, {
    steps: [0, 1, 2, 4, 6, 8],
    baseline: [1, null, null, 3, 4, null],
    current: [1, 5, null, null, null, 7],
  });
  assert.deepEqual(alignSeries(undefined, { steps: [3], values: [1] }), { steps: [3], baseline: [null], current: [1] });
});

test('fields left uncompared are named in the headline, also on a pass, which then never says bit-for-bit', () => {
  const same = curves(1, 3, () => 0);
  const withText: MetricData = { ...same, uncompared: ['loss'] };
  const text = renderMarkdown(reportFor(same, withText));
  assert.match(
    text,
    /^## ✅ repro-check: reproduced — 1 metric within tolerance; values of `loss` were not compared \(see notes\)\n/,
  );
  // Bit for bit is claimed only when every logged value was compared.
  assert.doesNotMatch(text, /bit-for-bit/);
});

test('an epoch axis names the chart axes "epoch" too, in markdown and the terminal', () => {
  const onEpochs = (data: MetricData, file: string): MetricData => ({
    ...data,
    stepAxes: [{ file, stepKey: 'epoch' }],
  });
  const report = reportFor(
    onEpochs(
      curves(1, 6, () => 0),
      'a.csv',
    ),
    onEpochs(
      curves(1, 6, (_m, s) => (s >= 3 ? 0.5 : 0)),
      'b.csv',
    ),
  );
  const text = renderMarkdown(report);
  assert.match(text, /curves part at epoch 3/);
  assert.match(text, /x-axis "epoch \(▲ first divergent 3/);
  assert.doesNotMatch(text, /x-axis "step/);
  const terminal = renderTerminal(report, { colour: false, columns: 100 });
  assert.match(terminal, /\n {5}epoch 0 /);
});

test('a NaN at a step only the run logged is marked on the chart', () => {
  const baseline = curves(1, 4, () => 0);
  const current: MetricData = {
    ...baseline,
    series: new Map(
      [...baseline.series].map(([name, s]) => [
        name,
        { steps: [0, 1, 2, 3, 4], values: [...Array.from(s.values), NaN] },
      ]),
    ),
  };
  assert.match(renderMarkdown(reportFor(baseline, current)), /"▲4 ⚠ NaN"/);
});
