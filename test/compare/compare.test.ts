import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker, withinTolerance } from '../../src/compare/tolerance.ts';
import { globToRegExp } from '../../src/compare/glob.ts';
import { emptyMetricData, type MetricData } from '../../src/metrics/series.ts';
import { ReproError } from '../../src/errors.ts';

function data(series: Record<string, Array<[number, number]>>, finals: Record<string, number> = {}): MetricData {
  return {
    series: new Map(
      Object.entries(series).map(([name, points]) => [
        name,
        { steps: points.map((p) => p[0]), values: points.map((p) => p[1]) },
      ]),
    ),
    finals: new Map(Object.entries(finals)),
    notes: [],
  };
}

const defaults = (overrides: Record<string, { rtol?: number; atol?: number; exact?: boolean }> = {}) => ({
  tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', overrides),
  include: [] as string[],
  ignore: [] as string[],
});

test('identical series pass with no divergent step and zero diffs', () => {
  const a = data({
    loss: [
      [0, 1],
      [1, 0.5],
      [2, 0.25],
    ],
  });
  const verdict = compareMetrics(a, a, defaults());
  assert.equal(verdict.status, 'pass');
  const [loss] = verdict.metrics;
  assert.equal(loss!.firstDivergentStep, null);
  assert.equal(loss!.firstOutOfToleranceStep, null);
  assert.equal(loss!.maxAbsDiff, 0);
  assert.equal(loss!.finalStep, 2);
  assert.equal(loss!.currentValue, 0.25);
});

test('a difference inside the tolerance is divergent but passes; outside is drift at its first step', () => {
  const baseline = data({
    loss: [
      [0, 1],
      [10, 0.5],
      [20, 0.25],
      [30, 0.2],
    ],
  });
  const current = data({
    loss: [
      [0, 1],
      [10, 0.5 + 1e-9],
      [20, 0.26],
      [30, 0.3],
    ],
  });
  const [loss] = compareMetrics(baseline, current, defaults()).metrics;
  assert.equal(loss!.status, 'drift');
  assert.equal(loss!.firstDivergentStep, 10);
  assert.equal(loss!.firstOutOfToleranceStep, 20);
  assert.ok(Math.abs(loss!.maxAbsDiff! - 0.1) < 1e-12);
  assert.ok(Math.abs(loss!.maxRelDiff! - 0.5) < 1e-12);
});

test('tolerance rule is numpy allclose: |c - b| <= atol + rtol * |b|', () => {
  const t = { rtol: 1e-3, atol: 0, exact: false };
  assert.equal(withinTolerance(1000, 1001, t), true);
  assert.equal(withinTolerance(1000, 1001.0001, t), false);
  // Asymmetric like numpy: the baseline's magnitude scales the tolerance.
  assert.equal(withinTolerance(0, 1e-9, DEFAULT_TOLERANCE), true);
  assert.equal(withinTolerance(0, 1e-7, DEFAULT_TOLERANCE), false);
});

test('NaN equals only NaN in the same place; NaN where the baseline had a number is drift', () => {
  assert.equal(withinTolerance(NaN, NaN, DEFAULT_TOLERANCE), true);
  assert.equal(withinTolerance(1, NaN, DEFAULT_TOLERANCE), false);
  assert.equal(withinTolerance(NaN, 1, DEFAULT_TOLERANCE), false);
  assert.equal(withinTolerance(Infinity, Infinity, DEFAULT_TOLERANCE), true);
  assert.equal(withinTolerance(Infinity, -Infinity, DEFAULT_TOLERANCE), false);
  const verdict = compareMetrics(
    data({
      loss: [
        [0, 1],
        [1, NaN],
      ],
    }),
    data({
      loss: [
        [0, NaN],
        [1, NaN],
      ],
    }),
    defaults(),
  );
  assert.equal(verdict.metrics[0]!.firstOutOfToleranceStep, 0);
  assert.equal(verdict.metrics[0]!.firstDivergentStep, 0);
});

test('exact compares bits: -0 differs from 0, one ulp is drift', () => {
  const exact = { rtol: 0, atol: 0, exact: true };
  assert.equal(withinTolerance(0, -0, exact), false);
  assert.equal(withinTolerance(0.1 + 0.2, 0.30000000000000004, exact), true);
  assert.equal(withinTolerance(1, 1 + Number.EPSILON, exact), false);
  assert.equal(withinTolerance(1, 1 + Number.EPSILON, DEFAULT_TOLERANCE), true);
});

test('missing metrics are drift, new ones are reported but pass', () => {
  const verdict = compareMetrics(
    data({ a: [[0, 1]], gone: [[0, 2]] }),
    data({ a: [[0, 1]], added: [[0, 3]] }),
    defaults(),
  );
  assert.equal(verdict.status, 'drift');
  const byName = Object.fromEntries(verdict.metrics.map((m) => [m.name, m.status]));
  assert.deepEqual(byName, { a: 'pass', gone: 'missing', added: 'new' });
  assert.equal(verdict.metrics[0]!.name, 'gone', 'drift is listed first');
  const onlyNew = compareMetrics(data({ a: [[0, 1]] }), data({ a: [[0, 1]], added: [[0, 3]] }), defaults());
  assert.equal(onlyNew.status, 'pass');
});

test('missing steps and extra steps are both drift: the run is not the baseline run', () => {
  const [short] = compareMetrics(
    data({
      loss: [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
    }),
    data({
      loss: [
        [0, 1],
        [2, 1],
      ],
    }),
    defaults(),
  ).metrics;
  assert.equal(short!.status, 'drift');
  assert.deepEqual(short!.missingSteps, [1]);
  const [long] = compareMetrics(
    data({ loss: [[0, 1]] }),
    data({
      loss: [
        [0, 1],
        [5, 2],
      ],
    }),
    defaults(),
  ).metrics;
  assert.equal(long!.status, 'drift');
  assert.deepEqual(long!.extraSteps, [5]);
  assert.equal(long!.extraStepCount, 1);
  assert.equal(long!.firstDivergentStep, 5, 'a step only the run has is where the runs part');
  assert.equal(long!.firstOutOfToleranceStep, 5);
  assert.equal(long!.becameNonFinite, null);
});

test('a non-finite value at a step only the run has is where it diverged', () => {
  const [nan] = compareMetrics(
    data({
      loss: [
        [1, 2],
        [2, 1.5],
      ],
    }),
    data({
      loss: [
        [1, 2],
        [2, 1.5],
        [3, NaN],
      ],
    }),
    defaults(),
  ).metrics;
  assert.equal(nan!.status, 'drift');
  assert.deepEqual(nan!.becameNonFinite, { step: 3, value: NaN });
  assert.equal(nan!.firstDivergentStep, 3);
});

test('drift from missing steps alone names the first missing step as divergent and out of tolerance', () => {
  // Every shared value is bit-identical: the run stopped after step 20 of 40.
  const full: Array<[number, number]> = [
    [0, 1],
    [10, 0.5],
    [20, 0.25],
    [30, 0.2],
    [40, 0.1],
  ];
  const [stopped] = compareMetrics(data({ loss: full }), data({ loss: full.slice(0, 3) }), defaults()).metrics;
  assert.equal(stopped!.status, 'drift');
  assert.equal(stopped!.maxAbsDiff, 0);
  assert.equal(stopped!.firstDivergentStep, 30);
  assert.equal(stopped!.firstOutOfToleranceStep, 30);
  // A value difference before the first missing step stays the first divergent step.
  const [earlier] = compareMetrics(
    data({ loss: full }),
    data({
      loss: [
        [0, 1],
        [10, 0.5 + 1e-9],
        [20, 0.25],
      ],
    }),
    defaults(),
  ).metrics;
  assert.equal(earlier!.firstDivergentStep, 10);
  assert.equal(earlier!.firstOutOfToleranceStep, 30, 'step 10 is inside the tolerance');
  // A hole in the middle: the first missing step, although later steps match.
  const [hole] = compareMetrics(
    data({ loss: full }),
    data({
      loss: [
        [0, 1],
        [20, 0.25],
        [30, 0.2],
        [40, 0.1],
      ],
    }),
    defaults(),
  ).metrics;
  assert.equal(hole!.firstDivergentStep, 10);
  assert.deepEqual(hole!.missingSteps, [10]);
});

test('final values carry no step', () => {
  const verdict = compareMetrics(data({}, { accuracy: 0.9 }), data({}, { accuracy: 0.8 }), defaults());
  const [accuracy] = verdict.metrics;
  assert.equal(accuracy!.kind, 'final');
  assert.equal(accuracy!.status, 'drift');
  assert.equal(accuracy!.firstDivergentStep, null);
  assert.equal(accuracy!.firstOutOfToleranceStep, null);
});

test('per-metric tolerances: first matching glob wins, keys override the global one, unused globs are listed', () => {
  const baseline = data({ 'eval.loss': [[0, 1]], 'train.loss': [[0, 1]] });
  const current = data({ 'eval.loss': [[0, 1.0005]], 'train.loss': [[0, 1.0005]] });
  const verdict = compareMetrics(
    baseline,
    current,
    defaults({ 'eval.*': { rtol: 1e-3 }, '*': { rtol: 1e-9 }, 'nothing.matches': { exact: true } }),
  );
  const byName = Object.fromEntries(verdict.metrics.map((m) => [m.name, m]));
  assert.equal(byName['eval.loss']!.status, 'pass');
  assert.equal(byName['eval.loss']!.tolerance.source, 'metric-tolerances["eval.*"]');
  assert.equal(byName['eval.loss']!.tolerance.atol, DEFAULT_TOLERANCE.atol);
  assert.equal(byName['train.loss']!.status, 'drift');
  assert.deepEqual(verdict.unusedToleranceGlobs, ['nothing.matches']);
});

test('include and ignore globs match whole names and * crosses dots and slashes', () => {
  const both = data({ 'train.loss': [[0, 1]], 'train/acc': [[0, 1]], 'eval.loss': [[0, 1]], train_runtime: [[0, 5]] });
  const changed = data({
    'train.loss': [[0, 2]],
    'train/acc': [[0, 1]],
    'eval.loss': [[0, 1]],
    train_runtime: [[0, 9]],
  });
  const verdict = compareMetrics(both, changed, {
    ...defaults(),
    include: ['train*'],
    ignore: ['*_runtime', 'train.loss'],
  });
  assert.deepEqual(
    verdict.metrics.map((m) => m.name),
    ['train/acc'],
  );
  assert.equal(verdict.status, 'pass');
  assert.equal(globToRegExp('eval.*').test('evalXloss'), false, 'a dot is literal');
  assert.equal(globToRegExp('loss').test('train.loss'), false, 'globs match whole names');
});

test('unsorted union: metrics only in one side and steps interleaved are walked in order', () => {
  const baseline = data({
    loss: [
      [0, 1],
      [2, 3],
      [4, 5],
    ],
  });
  const current = data({
    loss: [
      [1, 9],
      [2, 3],
      [3, 9],
      [4, 5],
    ],
  });
  const [loss] = compareMetrics(baseline, current, defaults()).metrics;
  assert.deepEqual(loss!.missingSteps, [0]);
  assert.deepEqual(loss!.extraSteps, [1, 3]);
  assert.equal(loss!.firstDivergentStep, 0, 'the missing step 0; the extra steps 1 and 3 do not count');
});

test('a NaN or an infinity against a number shows in the diffs (never 0) and marks where the run became non-finite', () => {
  const baseline = data({
    loss: [
      [1, 1],
      [2, 0.5],
      [3, 0.25],
    ],
    norm: [
      [1, 1],
      [2, Infinity],
    ],
  });
  const current = data({
    loss: [
      [1, 1],
      [2, NaN],
      [3, NaN],
    ],
    norm: [
      [1, 1.5],
      [2, Infinity],
    ],
  });
  const verdict = compareMetrics(baseline, current, defaults());
  const loss = verdict.metrics.find((m) => m.name === 'loss')!;
  assert.ok(Number.isNaN(loss.maxAbsDiff!) && Number.isNaN(loss.maxRelDiff!));
  assert.deepEqual(loss.becameNonFinite, { step: 2, value: NaN });
  const norm = verdict.metrics.find((m) => m.name === 'norm')!;
  assert.equal(norm.maxAbsDiff, 0.5, 'equal infinities add no difference');
  assert.equal(norm.becameNonFinite, null, 'the baseline was infinite there too');
  const inf = compareMetrics(data({ x: [[1, 1]] }), data({ x: [[1, -Infinity]] }), defaults()).metrics[0]!;
  assert.deepEqual([inf.maxAbsDiff, inf.becameNonFinite], [Infinity, { step: 1, value: -Infinity }]);
});

test('long missing and extra step lists are capped, with their counts', () => {
  const steps = (from: number, to: number): Array<[number, number]> =>
    Array.from({ length: to - from }, (_, i) => [from + i, 1]);
  const verdict = compareMetrics(
    data({ loss: steps(0, 1000) }),
    data({ loss: [...steps(0, 10), ...steps(2000, 2500)] }),
    defaults(),
  );
  const [loss] = verdict.metrics;
  assert.deepEqual([loss!.missingStepCount, loss!.missingSteps.length, loss!.missingSteps[0]], [990, 20, 10]);
  assert.deepEqual([loss!.extraStepCount, loss!.extraSteps.length, loss!.extraSteps.at(-1)], [500, 20, 2019]);
});

test('a missing metric whose values a new metric holds is flagged as a possible rename; different values are not', () => {
  const points: Array<[number, number]> = [
    [1, 0.5],
    [2, 0.25],
  ];
  const verdict = compareMetrics(
    data({ 'train/loss': points, acc: [[1, 0.1]] }),
    data({ 'train.loss': points, accuracy: [[1, 0.2]] }),
    defaults(),
  );
  assert.equal(verdict.status, 'drift', 'a rename is still drift');
  const renamed = verdict.metrics.find((m) => m.name === 'train/loss')!;
  assert.equal(renamed.renamedTo, 'train.loss');
  assert.equal(verdict.metrics.find((m) => m.name === 'acc')!.renamedTo, null);
  assert.match(verdict.notes[0]!, /^renamed\? `train\/loss` → `train\.loss`/);
});

test('nothing compared is no result: filters that leave no metric, or no metric both sides log, are a ReproError naming both sides', () => {
  const data = (names: string[]): MetricData => {
    const d = emptyMetricData();
    for (const name of names) d.series.set(name, { steps: Float64Array.of(1, 2), values: Float64Array.of(1, 0.5) });
    return d;
  };
  const tolerances = new TolerancePicker(DEFAULT_TOLERANCE, 'default', {});
  const refuse = (baseline: MetricData, current: MetricData, include: string[], ignore: string[], fact: RegExp) =>
    assert.throws(
      () => compareMetrics(baseline, current, { tolerances, include, ignore }),
      (error: unknown) =>
        error instanceof ReproError && /^No metric was compared/.test(error.message) && fact.test(error.message),
    );
  refuse(
    data(['loss']),
    data(['loss']),
    ['nomatch*'],
    [],
    /baseline has loss; this run has loss; only metrics matching nomatch\* were kept/,
  );
  refuse(data(['loss']), data(['loss']), [], ['*'], /baseline has loss/);
  refuse(data([]), data(['acc']), [], [], /baseline has none; this run has acc/);
  refuse(
    { ...data([]), uncompared: ['loss'] },
    { ...data([]), uncompared: ['loss'] },
    [],
    [],
    /values of loss could not be compared/,
  );
  // One metric compared is a result, whatever else was filtered.
  const verdict = compareMetrics(data(['loss', 'acc']), data(['loss', 'acc']), {
    tolerances,
    include: ['loss'],
    ignore: [],
  });
  assert.deepEqual(
    verdict.metrics.map((m) => m.name),
    ['loss'],
  );
});
