import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { driftAnnotations } from '../../src/report/annotations.ts';
import type { MetricData } from '../../src/metrics/series.ts';

const data = (shift: number): MetricData => ({
  series: new Map([
    ['train.loss', { steps: [1, 2, 3], values: [1, 0.5 + shift, 0.25 + shift] }],
    ['eval.loss', { steps: [1, 2, 3], values: [1, 0.6 + shift, 0.3] }],
  ]),
  finals: new Map(),
  notes: [],
});

test('drift annotations point at the glob or tolerance line of repro.yml, or the tolerance input of a workflow file', () => {
  const repro =
    'command: python t.py\nmetrics: m.jsonl\ntolerance: { rtol: 1.0e-5 }\nmetric-tolerances:\n  "eval.*": { rtol: 1.0e-9 }\n';
  const picker = new TolerancePicker(DEFAULT_TOLERANCE, 'tolerance in repro.yml', { 'eval.*': { rtol: 1e-9 } });
  const verdict = compareMetrics(data(0), data(0.1), { tolerances: picker, include: [], ignore: [] });
  const fromRepro = driftAnnotations(verdict, { repoPath: 'repro.yml', text: repro }, 'failure');
  assert.deepEqual(
    fromRepro.map((a) => [a.title, a.path, a.startLine]),
    [
      ['repro-check: eval.loss drifted', 'repro.yml', 5],
      ['repro-check: train.loss drifted', 'repro.yml', 3],
    ],
  );
  assert.match(fromRepro[1]!.message, /first divergent step 2/);

  const workflow =
    'name: gate\non: pull_request\njobs:\n  repro:\n    steps:\n      - uses: repro-check/repro-check@v1\n        with:\n          command: python t.py\n          tolerance: "{ rtol: 1e-5 }"\n';
  const plain = compareMetrics(data(0), data(0.1), {
    tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'input "tolerance"', {}),
    include: [],
    ignore: [],
  });
  assert.deepEqual(
    driftAnnotations(plain, { repoPath: '.github/workflows/gate.yml', text: workflow }, 'warning').map((a) => [
      a.path,
      a.startLine,
      a.level,
    ]),
    [
      ['.github/workflows/gate.yml', 9, 'warning'],
      ['.github/workflows/gate.yml', 9, 'warning'],
    ],
  );
  assert.deepEqual(
    driftAnnotations(plain, { repoPath: 'w.yml', text: 'name: x\n' }, 'warning').map((a) => a.startLine),
    [1, 1],
    'no tolerance line: the first line',
  );
  assert.deepEqual(driftAnnotations(plain, null, 'warning'), []);
});
