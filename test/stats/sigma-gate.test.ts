import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leaveOneOut, sigmaGate } from '../../src/stats/sigma-gate.ts';
import { thresholdFor } from '../../src/stats/sigma-points.ts';
import type { SigmaGateOptions } from '../../src/stats/sigma-types.ts';
import { computeBand, pointStats } from '../../src/stats/band.ts';
import type { MetricData } from '../../src/metrics/series.ts';
import { trainSeeds } from './seed-sweep.ts';

const FLOOR = { rtol: 1e-5, atol: 1e-8, exact: false };
const options = (overrides: Partial<SigmaGateOptions> = {}): SigmaGateOptions => ({
  threshold: { sigma: 4 },
  window: 20,
  logScale: ['*loss*'],
  floor: () => FLOOR,
  ignore: [],
  ...overrides,
});

// One real seed sweep shared by the tests: 8 band seeds, 8 held-out seeds, and a doubled learning rate.
const band = trainSeeds([1, 2, 3, 4, 5, 6, 7, 8]);
const heldOut = trainSeeds([101, 102, 103, 104, 105, 106, 107, 108]);
const doubled = trainSeeds([101, 102, 103, 104, 105, 106, 107, 108], { TRAIN_LR: '1' });

test('sample statistics: two-pass mean and n−1 std, non-finite values left out', () => {
  const stats = pointStats([1e9 + 1, 1e9 + 2, 1e9 + 3, NaN]);
  assert.equal(stats.count, 3);
  assert.equal(stats.mean, 1e9 + 2);
  assert.equal(stats.std, 1);
  assert.equal(stats.min, 1e9 + 1);
  assert.equal(stats.max, 1e9 + 3);
  assert.equal(pointStats([5]).std, 0);
});

test('the band holds per-step mean, std, count, min and max over the runs', () => {
  const computed = computeBand(band, []);
  const loss = computed.get('train.loss')!;
  assert.equal(loss.steps!.length, 100);
  const at10 = band.map((run) => run.series.get('train.loss')!.values[9]!);
  assert.equal(loss.points[9]!.count, 8);
  assert.equal(loss.points[9]!.min, Math.min(...at10));
  assert.equal(loss.points[9]!.max, Math.max(...at10));
  assert.ok(loss.points[9]!.std > 0);
  assert.equal(computed.get('eval.loss')!.steps, null);
});

test('σ gate, band of 8 real seeds at sigma 4: 8 held-out seeds pass, a doubled learning rate is caught', () => {
  const passes = heldOut.map((run) => sigmaGate(band, run, options()));
  for (const verdict of passes)
    assert.equal(verdict.status, 'pass', JSON.stringify(verdict.metrics.map((m) => [m.name, m.sigmas, m.worstPoint])));
  const caught = doubled.filter((run) => sigmaGate(band, run, options()).status === 'drift').length;
  console.log(
    `doubled learning rate caught in ${caught} of ${doubled.length} runs; held-out max σ ${Math.max(...passes.flatMap((v) => v.metrics.map((m) => m.sigmas ?? 0))).toFixed(2)}`,
  );
  assert.ok(caught >= 6, `caught ${caught} of 8`);
  const verdict = sigmaGate(band, doubled[0]!, options());
  const loss = verdict.metrics.find((m) => m.name === 'eval.loss')!;
  assert.equal(loss.scale, 'log');
  assert.equal(loss.kind, 'final');
});

test('a naive per-step gate (window 1) is what flags same-code runs; windows do not', () => {
  const perStep = heldOut.filter(
    (run) => sigmaGate(band, run, options({ threshold: { sigma: 2 }, window: 1 })).status === 'drift',
  ).length;
  const windowed = heldOut.filter(
    (run) => sigmaGate(band, run, options({ threshold: { sigma: 2 }, window: 20 })).status === 'drift',
  ).length;
  assert.ok(perStep > windowed, `per-step ${perStep}, windowed ${windowed}`);
});

test('window placement does not change the verdict: dropping the first steps of every run', () => {
  const shift = (run: MetricData, from: number): MetricData => {
    const series = new Map(
      [...run.series].map(([name, s]) => [
        name,
        { steps: Array.from(s.steps).slice(from), values: Array.from(s.values).slice(from) },
      ]),
    );
    return { series, finals: run.finals, notes: [] };
  };
  for (const from of [0, 3, 10]) {
    const shiftedBand = band.map((r) => shift(r, from));
    assert.deepEqual(
      heldOut.map((run) => sigmaGate(shiftedBand, shift(run, from), options()).status),
      heldOut.map(() => 'pass'),
      `windows starting at step ${from + 1}`,
    );
  }
});

test('k from a false-alarm rate: Student t quantile with Šidák correction; nominal rate stated', () => {
  const { k, perTest } = thresholdFor({ falseAlarmRate: 0.01 }, 8, 1);
  assert.ok(Math.abs(k - 3.4995) < 1e-3, String(k)); // t(0.995; 7) = 3.4995
  assert.ok(Math.abs(perTest - 0.01) < 1e-12);
  const five = thresholdFor({ falseAlarmRate: 0.01 }, 8, 5);
  assert.ok(five.k > k);
  const verdict = sigmaGate(band, heldOut[0]!, options({ threshold: { falseAlarmRate: 0.01 } }));
  for (const m of verdict.metrics)
    assert.ok(Math.abs(m.nominalFalseAlarmRate - 0.01) < 1e-9, `${m.name}: ${m.nominalFalseAlarmRate}`);
});

test('σ = 0 (a same-seed band of identical runs) leaves the rtol/atol floor, not bit-exactness', () => {
  const same = [band[0]!, band[0]!, band[0]!];
  const nudged: MetricData = {
    ...band[0]!,
    finals: new Map([['eval.loss', band[0]!.finals.get('eval.loss')! * (1 + 1e-7)]]),
  };
  assert.equal(sigmaGate(same, nudged, options({ include: ['eval.loss'] })).status, 'pass');
  const moved: MetricData = {
    ...band[0]!,
    finals: new Map([['eval.loss', band[0]!.finals.get('eval.loss')! * (1 + 1e-3)]]),
  };
  const verdict = sigmaGate(same, moved, options({ include: ['eval.loss'] }));
  assert.equal(verdict.status, 'drift');
  assert.equal(verdict.metrics[0]!.sigmas, Infinity);
});

test('a metric the run lacks, a step it lacks, and a NaN are drift; a new metric is not', () => {
  const run = heldOut[0]!;
  const lacking: MetricData = {
    series: new Map([
      [
        'train.loss',
        {
          steps: Array.from(run.series.get('train.loss')!.steps).slice(0, 50),
          values: Array.from(run.series.get('train.loss')!.values).slice(0, 50),
        },
      ],
    ]),
    finals: new Map([['extra', 1]]),
    notes: [],
  };
  const verdict = sigmaGate(band, lacking, options());
  const byName = Object.fromEntries(verdict.metrics.map((m) => [m.name, m]));
  assert.equal(byName['train.loss']!.status, 'drift');
  assert.equal(byName['train.loss']!.firstFailingStep, 51);
  assert.equal(byName['eval.loss']!.status, 'missing');
  assert.equal(byName.extra!.status, 'new');
  const nan: MetricData = { ...run, finals: new Map([['eval.loss', NaN]]) };
  assert.equal(sigmaGate(band, nan, options()).metrics.find((m) => m.name === 'eval.loss')!.status, 'drift');
});

test('leave-one-out over the band reports the empirical false-alarm rate', () => {
  const calibration = leaveOneOut(band, options())!;
  assert.equal(calibration.runs, 8);
  assert.equal(calibration.rate, calibration.alarms / 8);
  assert.ok(calibration.alarms <= 1, `${calibration.alarms} alarms`);
  assert.equal(leaveOneOut(band.slice(0, 2), options()), null);
});
