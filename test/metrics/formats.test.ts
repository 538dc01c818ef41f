import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readComparable } from '../../src/metrics/collect.ts';

/**
 * One row per layout a logger writes: read through the same path `compare` uses (content decides the
 * format, never the name) and checked against the values the fixture's maker wrote. Adding a format
 * costs a fixture and a row. TensorBoard stores scalars as float32, hence Math.fround.
 */
interface FormatRow {
  name: string;
  fixture: string /* path under test/fixtures/metrics */;
  expect: { series?: Record<string, Array<[number, number]>>; finals?: Record<string, number> };
}

const f32 = (values: number[], firstStep = 1): Array<[number, number]> => values.map((value, index) => [firstStep + index, Math.fround(value)]);

const pytorchSummaryWriter = {
  'train/loss': f32([2.31, 1.87, 1.52, 1.31, 1.2]),
  'train/lr': f32([0.1, 0.1, 0.05, 0.05, 0.01]),
  'eval/accuracy': f32([0.62], 5),
};

const mlflowRun = {
  train_loss: [
    [0, 2.31],
    [1, 1.87],
    [2, 1.52],
    [3, 1.33],
  ],
  'eval/loss': [[3, 1.58]],
  'eval/accuracy': [
    [0, NaN],
    [3, 0.75],
  ],
} satisfies Record<string, Array<[number, number]>>;

const rows: FormatRow[] = [
  { name: 'TensorBoard event file (PyTorch SummaryWriter: simple_value)', fixture: 'tensorboard/pytorch/events.out.tfevents.1700000000.fixture-host.4242.0', expect: { series: pytorchSummaryWriter } },
  { name: 'TensorBoard log folder of one run', fixture: 'tensorboard/pytorch', expect: { series: pytorchSummaryWriter } },
  {
    name: 'TensorBoard log folder with run subfolders (Keras callback: TF2 scalar tensors in tensor_content, float_val, double_val)',
    fixture: 'tensorboard/keras',
    expect: {
      series: {
        'train.epoch_loss': f32([0.9, 0.6, 0.45], 0),
        'train.epoch_accuracy': f32([0.55, 0.7, 0.8], 0),
        'validation.epoch_loss': f32([0.95, 0.7, 0.62], 0),
        'validation.evaluation_loss_vs_iterations': [
          [0, 0.95],
          [1, 0.7],
          [2, 0.62],
        ],
      },
    },
  },
  {
    name: 'TensorBoard resumed run: two event files merged by step, the later file winning',
    fixture: 'tensorboard/resumed',
    expect: { series: { loss: [[1, 2], [2, 1.5], [3, 1.5], [4, 1], [5, 0.75], [6, 0.5]] } },
  },
  { name: 'MLflow run folder', fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8', expect: { series: mlflowRun } },
  { name: "MLflow run's metrics/ folder", fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8/metrics', expect: { series: mlflowRun } },
  { name: 'MLflow metric file (name from its path below metrics/)', fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8/metrics/eval/accuracy', expect: { series: { 'eval/accuracy': mlflowRun['eval/accuracy'] } } },
];

const fixtures = path.resolve('test/fixtures/metrics');

describe('metric formats, each read from a fixture in its real layout', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const data = await readComparable(path.join(fixtures, row.fixture));
      const expectedSeries = row.expect.series ?? {};
      assert.deepEqual([...data.series.keys()].sort(), Object.keys(expectedSeries).sort());
      for (const [name, points] of Object.entries(expectedSeries)) {
        const series = data.series.get(name)!;
        assert.deepEqual([...series.steps], points.map(([step]) => step), `steps of ${name}`);
        // deepEqual compares with Object.is: NaN matches NaN, and float32 values must match bit for bit.
        assert.deepEqual([...series.values], points.map(([, value]) => value), `values of ${name}`);
      }
      assert.deepEqual(Object.fromEntries(data.finals), row.expect.finals ?? {});
    });
  }
});
