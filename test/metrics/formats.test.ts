/**
 * One table of metric-file layouts as real tools write them (fixtures in test/fixtures/metrics,
 * with the scripts that wrote them). Each row is read the way `compare` reads a file, and what
 * `compare` would see by default (wall-clock fields left out by the default ignore-metrics) must
 * be exactly the expected series and final values. Adding a layout costs a fixture and a row.
 * TensorBoard stores scalars as float32, hence Math.fround.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readComparable } from '../../src/record/baseline-store.ts';
import { InputFileError } from '../../src/errors.ts';
import { globToRegExp, matchesAnyGlob } from '../../src/compare/glob.ts';
import { DEFAULT_IGNORED_METRICS } from '../../src/settings/schema.ts';

const fixtures = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));
const wallClock = DEFAULT_IGNORED_METRICS.map(globToRegExp);

interface FormatRow {
  name: string;
  /** Path under test/fixtures/metrics. */
  fixture: string;
  expect: { series?: Record<string, Array<[number, number]>>; finals?: Record<string, number> };
  /** Fields read but not compared (text where a number was meant), each with a note matching `notes`; also the notes of values skipped (W&B media, records off the step axis). */
  uncompared?: string[];
  notes?: RegExp[];
  /** `metric@step` of each value noted as logged again with another value (a resumed run), in note order. */
  relogged?: string[];
}

const f32 = (values: number[], firstStep = 1): Array<[number, number]> =>
  values.map((value, index) => [firstStep + index, Math.fround(value)]);

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
  {
    name: 'W&B wandb-history.jsonl: `_step` is the step, `_runtime` and `_timestamp` are wall clock',
    fixture: 'wandb/files/wandb-history.jsonl',
    expect: {
      series: {
        'train/loss': [
          [0, 1.0707427263259888],
          [1, 1.0570980310440063],
        ],
        'train/lr': [
          [0, 0.2],
          [1, 0.15000000000000002],
        ],
        'eval/accuracy': [[2, 0.4609375]],
      },
    },
  },
  {
    name: 'W&B wandb-summary.json (one line): final values; `_wandb.runtime` is wall clock, `_step` a final',
    fixture: 'wandb/files/wandb-summary.json',
    expect: { finals: { 'train/loss': 1.0570980310440063, 'eval/accuracy': 0.4609375, _step: 2 } },
  },
  {
    name: "W&B history through Lightning's WandbLogger: a media row holding only `_step` does not choose the axis; tables are skipped",
    fixture: 'wandb-lightning/files/wandb-history.jsonl',
    expect: {
      series: {
        'train/loss': [
          [0, 1.0707427263259888],
          [1, 1.0570980310440063],
          [2, 1.0689748525619507],
        ],
        'val/acc': [[2, 0.4609375]],
        _step: [
          [0, 0],
          [1, 2],
          [2, 4],
        ],
      },
    },
    notes: [
      /numbered by "_step" rather than the file's step "trainer\/global_step", were skipped \(first at .*wandb-history\.jsonl:2\)/,
      /^val\/preds: a W&B "table-file" object \(.*:5\) was skipped/,
    ],
    // The val row shares its trainer/global_step with a train row: W&B's counters and clocks differ (noted, not compared).
    relogged: ['_timestamp@2', '_runtime@2', '_step@2'],
  },
  {
    name: 'W&B wandb-summary.json holding an image object: its width and height are not final values',
    fixture: 'wandb-lightning/files/wandb-summary.json',
    expect: { finals: { 'train/loss': 1.0689748525619507, 'val/acc': 0.4609375, 'trainer/global_step': 2, _step: 4 } },
    notes: [/^samples: a W&B "image-file" object .* was skipped/],
  },
  {
    name: 'Megatron-LM golden values: `values` keys are steps, "nan" is NaN, `iteration-time` is wall clock',
    fixture: 'megatron/golden_values_dev.json',
    expect: {
      series: {
        'lm loss': [
          [1, 1.0707427263259888],
          [2, 1.0570980310440063],
          [3, NaN],
        ],
        'grad norm': [
          [1, 0.5169426798820496],
          [2, 0.7115060687065125],
          [3, 0.46221211552619934],
        ],
      },
    },
  },
  {
    name: 'Megatron-LM / NeMo golden values, list form: one value per `step_interval` from `start_step`',
    fixture: 'megatron/golden_values_list.json',
    expect: {
      series: {
        'lm loss': [
          [0, 1.0707427263259888],
          [5, 1.0570980310440063],
          [10, 1.0689748525619507],
        ],
        'num-zeros': [
          [0, 0],
          [5, 1],
          [10, 2],
        ],
      },
    },
  },
  {
    name: 'CSV of str(tensor) cells (`.item()` forgotten): the column is not compared, and a note says why',
    fixture: 'tensor-strings.csv',
    expect: {
      series: {
        lr: [
          [1, 0.2],
          [2, 0.15000000000000002],
          [3, 0.05000000000000003],
        ],
      },
    },
    uncompared: ['loss'],
    notes: [/^loss: "tensor\(1\.0707\)" \(.*tensor-strings\.csv:2\) is a number written as text.*`\.item\(\)`/],
  },
  {
    name: 'JSONL with one str(tensor) loss among numbers: noted and counted; the text `phase` field is silently not a metric',
    fixture: 'tensor-strings.jsonl',
    expect: {
      series: {
        loss: [
          [2, 1.0570980310440063],
          [3, 1.0689748525619507],
        ],
      },
    },
    uncompared: ['loss'],
    notes: [/^loss: "tensor\(1\.0707\)" \(.*tensor-strings\.jsonl:1\) is a number written as text/],
  },
  {
    name: 'Keras CSVLogger (CRLF): `epoch` is the step when nothing else is',
    fixture: 'keras/training.log',
    expect: {
      series: {
        loss: [
          [0, 1.0707427263259888],
          [1, 1.0570980310440063],
          [2, 1.0689748525619507],
        ],
        lr: [
          [0, 0.2],
          [1, 0.15000000000000002],
          [2, 0.05000000000000003],
        ],
        val_accuracy: [
          [0, 0.3984375],
          [1, 0.453125],
          [2, 0.4609375],
        ],
        val_loss: [
          [0, 1.0644110441207886],
          [1, 1.0352705717086792],
          [2, 1.0209579467773438],
        ],
      },
    },
  },
  {
    name: 'Keras History.history dumped with json.dump: one series per metric on `epoch` from 0',
    fixture: 'keras/history.json',
    expect: {
      series: {
        loss: [
          [0, 1.0707427263259888],
          [1, 1.0570980310440063],
          [2, 1.0689748525619507],
        ],
        lr: [
          [0, 0.2],
          [1, 0.15000000000000002],
          [2, 0.05000000000000003],
        ],
        val_accuracy: [
          [0, 0.3984375],
          [1, 0.453125],
          [2, 0.4609375],
        ],
        val_loss: [
          [0, 1.0644110441207886],
          [1, 1.0352705717086792],
          [2, 1.0209579467773438],
        ],
      },
    },
  },
  {
    name: 'github-action-benchmark custom JSON: one final value per `name`',
    fixture: 'benchmark-action/benchmark.json',
    expect: {
      finals: { 'train loss': 1.0689748525619507, 'eval loss': 1.0209579467773438, 'eval accuracy': 0.4609375 },
    },
  },
  {
    name: 'pandas to_csv: the unnamed index column is the step',
    fixture: 'pandas-index.csv',
    expect: {
      series: {
        loss: [
          [0, 1.0707427263259888],
          [1, 1.0570980310440063],
          [2, 1.0689748525619507],
        ],
        grad_norm: [
          [0, 0.5169426798820496],
          [1, 0.7115060687065125],
          [2, 0.46221211552619934],
        ],
      },
    },
  },
  {
    name: "TensorBoard's CSV download: `Step` matches case-insensitively, `Wall time` is wall clock",
    fixture: 'tensorboard-export.csv',
    expect: {
      series: {
        Value: [
          [1, 1.0707427263259888],
          [2, 1.0570980310440063],
          [3, 1.0689748525619507],
        ],
      },
    },
  },
  {
    name: 'an epoch loop writing JSONL keyed by `epoch` only; `elapsed_s` is wall clock',
    fixture: 'epoch-loop.jsonl',
    expect: {
      series: {
        train_loss: [
          [1, 1.0707427263259888],
          [2, 1.0570980310440063],
          [3, 1.0689748525619507],
        ],
        'val.loss': [
          [1, 1.0644110441207886],
          [2, 1.0352705717086792],
          [3, 1.0209579467773438],
        ],
      },
    },
  },
  {
    name: 'DVCLive metrics.json (indent 4): final values, its `step` one of them',
    fixture: 'dvclive/metrics.json',
    expect: { finals: { 'train.loss': 0.17455944418907166, 'eval.loss': 0.21665814518928528, step: 29 } },
  },
  {
    name: 'TensorBoard event file (PyTorch SummaryWriter: simple_value)',
    fixture: 'tensorboard/pytorch/events.out.tfevents.1700000000.fixture-host.4242.0',
    expect: { series: pytorchSummaryWriter },
  },
  {
    name: 'TensorBoard log folder of one run',
    fixture: 'tensorboard/pytorch',
    expect: { series: pytorchSummaryWriter },
  },
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
    expect: {
      series: {
        loss: [
          [1, 2],
          [2, 1.5],
          [3, 1.5],
          [4, 1],
          [5, 0.75],
          [6, 0.5],
        ],
      },
    },
    relogged: ['loss@3', 'loss@4'],
  },
  {
    name: 'JSONL of a resumed run: the step goes back, then `val_loss` is logged again at its last step (merged, noted)',
    fixture: 'resumed-relog.jsonl',
    expect: {
      series: {
        loss: [
          [1, 1.0707427263259888],
          [2, 1.0570980310440063],
          [3, 1.0814568996429443],
          [4, 0.8898962140083313],
        ],
        val_loss: [
          [2, 1.0322412252426147],
          [4, 1.0047450065612793],
        ],
      },
    },
    relogged: ['loss@3', 'loss@4', 'val_loss@4'],
  },
  {
    name: 'MLflow run folder',
    fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8',
    expect: { series: mlflowRun },
  },
  {
    name: "MLflow run's metrics/ folder",
    fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8/metrics',
    expect: { series: mlflowRun },
  },
  {
    name: 'MLflow metric file (name from its path below metrics/)',
    fixture: 'mlflow/mlruns/0/1f0c2a3b4d5e6f708192a3b4c5d6e7f8/metrics/eval/accuracy',
    expect: { series: { 'eval/accuracy': mlflowRun['eval/accuracy'] } },
  },
];

describe('metric file layouts', () => {
  for (const row of rows) {
    it(row.name, () => {
      const data = readComparable(`${fixtures}${row.fixture}`);
      const compared = (name: string) => !matchesAnyGlob(name, wallClock);
      const series = Object.fromEntries(
        [...data.series]
          .filter(([name]) => compared(name))
          .map(([name, s]) => [name, Array.from(s.steps, (step, i) => [step, s.values[i]!] as [number, number])]),
      );
      const finals = Object.fromEntries([...data.finals].filter(([name]) => compared(name)));
      assert.deepEqual(series, row.expect.series ?? {});
      assert.deepEqual(finals, row.expect.finals ?? {});
      assert.deepEqual(data.uncompared ?? [], row.uncompared ?? []);
      const notes = data.notes.filter((note) => /is not a number|written as text|w(as|ere) skipped/.test(note));
      assert.equal(notes.length, row.notes?.length ?? 0, notes.join('\n'));
      row.notes?.forEach((pattern, index) => assert.match(notes[index]!, pattern));
      const relogged = data.notes.flatMap((note) => {
        const match = /^(\S+) at step (\d+) was logged twice with different values/.exec(note);
        return match ? [`${match[1]}@${match[2]}`] : [];
      });
      assert.deepEqual(relogged, row.relogged ?? []);
    });
  }
});

interface RefusalRow {
  name: string;
  /** Path under test/fixtures/metrics/refused-text (written by make_refused_text.py). */
  fixture: string;
  stepKey?: string;
  /** The message names the metric and what is wrong; `line`: the record it names, where the format has lines. */
  message: RegExp;
  line?: number;
  hint?: RegExp;
}

const refusals: RefusalRow[] = [
  {
    name: 'MLflow log_metric without step: every value at step 0',
    fixture: 'mlflow-no-step',
    message: /metrics\/loss:2: "loss" is logged at step 0 again with another value \(first at .*metrics\/loss:1\)/,
    hint: /log_metric\(name, value, step=step\)/,
  },
  {
    name: 'MLflow: one metric logged twice at step 150 (the fix does not claim step 0)',
    fixture: 'mlflow-same-step',
    message: /metrics\/val_acc:2: "val_acc" is logged at step 150 again with another value/,
    hint: /^(?!.*step 0).*advances between the calls \(here two calls passed step=150\)/,
  },
  {
    name: 'an epoch axis with one JSONL line per batch',
    fixture: 'epoch-per-batch.jsonl',
    message: /"batch" is logged at "epoch" 0 again with another value/,
    line: 2,
    hint: /step-key/,
  },
  {
    name: 'a per-epoch batch index named as the step: it goes back to where it began',
    fixture: 'epoch-per-batch.jsonl',
    stepKey: 'batch',
    message: /logged at "batch" 2 \(.*epoch-per-batch\.jsonl:3\), then at 0 again, back where it began/,
    line: 4,
  },
  {
    name: 'a step-less metric repeated with other values among stepped lines',
    fixture: 'stepless-repeats.jsonl',
    message: /"loss" is logged without a step again with another value \(first at .*stepless-repeats\.jsonl:1\)/,
    line: 2,
  },
  {
    name: 'a dotted key next to the nested keys it flattens to',
    fixture: 'flat-and-nested.jsonl',
    message: /two keys of this record give the metric name "a\.b"/,
    line: 1,
  },
  {
    name: 'github-action-benchmark JSON naming one benchmark twice: names must be unique (no step-key advice)',
    fixture: 'benchmark-duplicate.json',
    message: /\[2\]: the name "eval loss" is given again \(first at .*benchmark-duplicate\.json \[0\]\)/,
    hint: /^(?!.*step-key).*its own `name`/,
  },
  {
    name: 'github-action-benchmark JSON with 1e400',
    fixture: 'out-of-range/benchmark.json',
    message: /"x" is a number outside the double range/,
  },
  {
    name: 'Megatron-LM golden values with 1e400',
    fixture: 'out-of-range/golden_values.json',
    message: /"lm loss" at step 2 is a number outside the double range/,
  },
  {
    name: 'an MLflow metric file with 1e400',
    fixture: 'out-of-range/mlruns/0/run',
    message: /metrics\/loss:2: "loss" is 1e400, a number outside the double range/,
  },
  {
    name: 'a CSV with 1e400',
    fixture: 'out-of-range/metrics.csv',
    message: /"loss" is 1e400, a number outside the double range/,
    line: 3,
  },
];

describe('metric files refused rather than read wrongly (exit 2)', () => {
  for (const row of refusals) {
    it(row.name, () => {
      assert.throws(
        () => readComparable(`${fixtures}refused-text/${row.fixture}`, { stepKey: row.stepKey }),
        (error: unknown) => {
          assert.ok(error instanceof InputFileError, String(error));
          assert.match(error.message, row.message);
          if (row.line !== undefined) assert.equal(error.line, row.line);
          if (row.hint) assert.match(error.hint ?? '', row.hint);
          return true;
        },
      );
    });
  }
});
