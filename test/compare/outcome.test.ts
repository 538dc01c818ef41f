import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetrics } from '../../src/compare/compare.ts';
import { decideOutcome, firstDivergentStepOverall, type OutcomeInput } from '../../src/compare/outcome.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import type { MetricData } from '../../src/metrics/series.ts';

function data(series: Record<string, Array<[number, number]>>): MetricData {
  return {
    series: new Map(
      Object.entries(series).map(([name, points]) => [
        name,
        { steps: points.map((p) => p[0]), values: points.map((p) => p[1]) },
      ]),
    ),
    finals: new Map(),
    notes: [],
  };
}

const options = { tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}), include: [], ignore: [] };
const baseline = data({
  loss: [
    [1, 1],
    [2, 0.5],
    [3, 0.25],
  ],
  acc: [
    [1, 0.1],
    [2, 0.2],
    [3, 0.3],
  ],
});
// Real verdicts from the comparison, not hand-made ones: a pass, a drift in `loss` from step 2,
// and `acc` missing from the run.
const passing = compareMetrics(baseline, baseline, options);
const drifting = compareMetrics(
  baseline,
  data({
    loss: [
      [1, 1],
      [2, 0.6],
      [3, 0.3],
    ],
    acc: [
      [1, 0.1],
      [2, 0.2],
      [3, 0.3],
    ],
  }),
  options,
);
const missing = compareMetrics(
  baseline,
  data({
    loss: [
      [1, 1],
      [2, 0.5],
      [3, 0.25],
    ],
  }),
  options,
);
const weights = { differing: 2, tensors: 8 };
const acceptedBy = { login: 'octocat', at: '2026-11-30T07:00:00Z' };

test('every combination of verdict, weights, acceptance and error gives one outcome, exit code and JSON status', () => {
  const cases: Array<[string, OutcomeInput, string, number, string]> = [
    ['pass', { verdict: passing, weightsDrift: null, acceptedBy: null }, 'pass', 0, 'pass'],
    ['pass, accepted label present', { verdict: passing, weightsDrift: null, acceptedBy }, 'pass', 0, 'pass'],
    ['metric drift', { verdict: drifting, weightsDrift: null, acceptedBy: null }, 'drift', 1, 'drift'],
    ['metric drift accepted', { verdict: drifting, weightsDrift: null, acceptedBy }, 'accepted', 0, 'drift'],
    ['missing metric', { verdict: missing, weightsDrift: null, acceptedBy: null }, 'drift', 1, 'drift'],
    ['weights only', { verdict: passing, weightsDrift: weights, acceptedBy: null }, 'drift', 1, 'drift'],
    ['weights only, accepted', { verdict: passing, weightsDrift: weights, acceptedBy }, 'accepted', 0, 'drift'],
    ['metrics and weights', { verdict: drifting, weightsDrift: weights, acceptedBy: null }, 'drift', 1, 'drift'],
    [
      'no baseline',
      { verdict: null, weightsDrift: null, acceptedBy: null, noBaseline: true },
      'no-baseline',
      0,
      'pass',
    ],
    ['error', { verdict: null, weightsDrift: null, acceptedBy: null, error: 'training failed' }, 'error', 2, 'error'],
    [
      'error wins over a verdict',
      { verdict: drifting, weightsDrift: null, acceptedBy: null, error: 'publish failed' },
      'error',
      2,
      'error',
    ],
  ];
  for (const [name, input, outcome, exitCode, status] of cases) {
    const decided = decideOutcome(input);
    assert.equal(decided.outcome, outcome, name);
    assert.equal(decided.exitCode, exitCode, name);
    assert.equal(decided.status, status, name);
  }
});

test('the drifted metrics, the first divergent step and the summary line come from the verdict', () => {
  const drift = decideOutcome({ verdict: drifting, weightsDrift: null, acceptedBy: null });
  assert.deepEqual(drift.driftedMetrics, ['loss']);
  assert.equal(drift.firstDivergentStep, 2);
  assert.equal(drift.driftSummary, '1 of 2 metrics drifted from step 2');

  const gone = decideOutcome({ verdict: missing, weightsDrift: null, acceptedBy: null });
  assert.deepEqual(gone.driftedMetrics, ['acc']);
  // A metric the run lacks entirely has no step where values differ: no first divergent step.
  assert.equal(gone.firstDivergentStep, null);
  assert.equal(gone.driftSummary, '1 of 2 metrics drifted');

  const both = decideOutcome({ verdict: drifting, weightsDrift: weights, acceptedBy: null });
  assert.equal(both.driftSummary, '1 of 2 metrics drifted from step 2; final weights differ in 2 of 8 tensors');
  const weightsOnly = decideOutcome({ verdict: passing, weightsDrift: { differing: 1 }, acceptedBy: null });
  assert.deepEqual(weightsOnly.driftedMetrics, []);
  assert.equal(weightsOnly.driftSummary, 'final weights differ in 1 tensor');
  assert.equal(decideOutcome({ verdict: passing, weightsDrift: null, acceptedBy: null }).driftSummary, null);
});

test('firstDivergentStepOverall takes the earliest over drifted metrics only', () => {
  const verdict = compareMetrics(
    data({
      a: [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
      b: [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
    }),
    // `a` differs inside the tolerance from step 1 (a pass); `b` drifts from step 3.
    data({
      a: [
        [1, 1 + 1e-9],
        [2, 1],
        [3, 1],
      ],
      b: [
        [1, 1],
        [2, 1],
        [3, 2],
      ],
    }),
    options,
  );
  assert.equal(verdict.metrics.find((m) => m.name === 'a')!.firstDivergentStep, 1);
  assert.equal(firstDivergentStepOverall(verdict), 3);
});
