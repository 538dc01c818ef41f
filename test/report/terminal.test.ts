import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import type { ReportInput } from '../../src/report/markdown.ts';
import type { MetricData } from '../../src/metrics/series.ts';

function losses(shift: (metric: number, step: number) => number): MetricData {
  const steps = Array.from({ length: 400 }, (_, i) => i);
  const series = new Map<string, { steps: number[]; values: number[] }>();
  for (const [m, name] of ['eval.loss', 'train.loss', 'lr'].entries())
    series.set(name, { steps, values: steps.map((s) => Math.exp(-s / 100) + shift(m, s)) });
  return { series, finals: new Map(), notes: [] };
}

function report(): ReportInput {
  const baseline = losses(() => 0);
  const current = losses((m, s) => (m === 1 && s >= 123 ? 0.05 - 0.0123 * Math.sin(s) : 0));
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
    runLabel: 'commit abc123, seed 5',
    baselineLabel: '.repro/baseline.json (commit def456, seed 1234)',
    toleranceLines: ['rtol 1e-5, atol 1e-8 — from default'],
    environmentDifferences: [{ key: 'torch', baseline: '2.3.0', current: '2.4.1' }],
    checkpointLines: [],
    notes: ['baseline seed 1234, this run seed 5 — curves from different seeds are not comparable bit for bit'],
    nextSteps: {
      where: 'local',
      acceptLabel: 'ml:accept',
      baselinePath: '.repro/baseline.json',
      configPath: 'ci/repro.yml',
    },
  };
}

const ESC = '\x1b[';

test('the terminal view: verdict line, aligned table with drift first, both curves and the difference, what now', () => {
  const text = renderTerminal(report(), { colour: false, columns: 100 });
  const lines = text.split('\n');
  assert.equal(lines[0], '❌ repro-check: drift in 1 of 3 metrics — curves part at step 123');
  assert.ok(!text.includes(ESC), 'no colour when asked for none');
  assert.ok(!text.includes('```') && !text.includes('| ---'), 'no markdown');
  const header = lines.findIndex((l) => l.startsWith('metric'));
  assert.match(lines[header + 2]!, /^train\.loss\s+\S+\s+\S+\s+6\.23e-2\s+123\s+123\s+drift$/);
  // Columns line up: every row has its status at the same column as the header's.
  const statusColumn = lines[header]!.indexOf('status');
  for (const row of lines.slice(header + 2, header + 5)) assert.match(row.slice(statusColumn), /^(drift|pass)$/, row);
  assert.match(text, /train\.loss: this run and baseline/);
  assert.match(text, /train\.loss: this run − baseline/);
  assert.ok((text.match(/[╭╮╰╯]/g) ?? []).length > 0, 'asciichart drew the curves');
  assert.match(text, /▲123/);
  // Every chart row has its axis in one column, whatever the width of the value labels.
  const rows = lines.filter((l) => /[┤┼]/.test(l));
  assert.ok(rows.length >= 14);
  for (const row of rows) assert.match(row, /^.{10} [┤┼]/, row);
  assert.match(
    text,
    /What now\n {2}- The change is intended: open the pull request and add the label ml:accept to it; the check re-runs when the label is added/,
  );
  assert.match(
    text,
    /npx repro-check baseline update --config ci\/repro\.yml on a clean tree and commit \.repro\/baseline\.json/,
  );
  assert.match(
    text,
    /baseline seed 1234, this run seed 5 — curves from different seeds are not comparable bit for bit/,
  );
});

test('the terminal view fits the terminal width and colours only when asked', () => {
  for (const columns of [60, 120]) {
    const text = renderTerminal(report(), { colour: false, columns });
    // Prose (the verdict line, labels, notes) wraps in the terminal; tables and charts must not.
    const drawn = text.split('\n').filter((l) => /[─┤┼│]|drift$|pass$/.test(l));
    assert.ok(drawn.length > 15, `${drawn.length} drawn lines`);
    const tooWide = drawn.filter((l) => [...l].length > columns);
    assert.deepEqual(tooWide, [], `lines wider than ${columns}`);
  }
  const coloured = renderTerminal(report(), { colour: true, columns: 100 });
  assert.ok(coloured.startsWith(`${ESC}1;31m❌ repro-check: drift`), 'a red verdict line');
  assert.ok(coloured.includes(`${ESC}31m`) && coloured.includes(`${ESC}90m`), 'this run red, baseline grey');
});
