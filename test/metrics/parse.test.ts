import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputFileError } from '../../src/errors.ts';
import { addPrefix, parseMetricText, type ParseOptions } from '../../src/metrics/parse.ts';
import type { MetricData } from '../../src/metrics/series.ts';
import { plainSeries } from '../support/plain-series.ts';

const fixtures = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));
const fixture = (name: string) => readFileSync(`${fixtures}${name}`, 'utf8');

function series(data: MetricData, name: string): { steps: number[]; values: number[] } {
  const found = data.series.get(name);
  assert.ok(found, `no series ${name}; have ${[...data.series.keys()].join(', ')}`);
  return plainSeries(found)!;
}

/** Asserts that parsing throws an InputFileError and returns it for more checks. */
function parseError(text: string, file: string, options: ParseOptions = {}): InputFileError {
  try {
    parseMetricText(text, file, options);
  } catch (error) {
    assert.ok(error instanceof InputFileError, `expected an InputFileError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected parseMetricText to throw');
}

describe('files written by real tools', () => {
  it('reads a PyTorch loop JSONL log: nested names, separate eval lines, a NaN token, a final line', () => {
    const text = fixture('pytorch-train.jsonl');
    const data = parseMetricText(text, 'pytorch-train.jsonl');
    const trainLoss = series(data, 'train.loss');
    assert.deepEqual(
      trainLoss.steps,
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    // Cross-check against the file's own first line, read independently of the parser.
    const firstLine = JSON.parse(text.split('\n')[0]!) as { train: { loss: number; grad_norm: number }; lr: number };
    assert.equal(trainLoss.values[0], firstLine.train.loss);
    assert.equal(series(data, 'train.grad_norm').values[0], firstLine.train.grad_norm);
    assert.equal(series(data, 'lr').values[0], firstLine.lr);
    assert.deepEqual(series(data, 'eval.loss').steps, [10, 20, 30, 40, 50]);
    const lossDelta = series(data, 'eval.loss_delta');
    assert.ok(text.includes('"loss_delta": NaN'), 'the fixture holds the bare NaN token json.dumps writes');
    assert.ok(Number.isNaN(lossDelta.values[0]));
    assert.ok(lossDelta.values.slice(1).every(Number.isFinite));
    assert.deepEqual([...data.finals.keys()], ['final.eval_loss', 'final.eval_accuracy']);
    assert.equal(data.finals.get('final.eval_loss'), series(data, 'eval.loss').values[4]);
    assert.equal(data.series.has('step'), false, 'the step key is not a metric');
    assert.equal(data.series.has('note'), false, 'strings are not metrics');
    assert.deepEqual(data.notes, []);
  });

  it("reads a CSV in PyTorch Lightning CSVLogger's layout: CRLF, blank cells, train and val rows sharing a step", () => {
    const text = fixture('lightning-metrics.csv');
    assert.ok(text.includes('\r\n'), 'csv.DictWriter on a newline="" file writes CRLF');
    const data = parseMetricText(text, 'metrics.csv');
    assert.deepEqual([...data.series.keys()], ['epoch', 'train_loss', 'val_acc', 'val_loss']);
    assert.deepEqual(series(data, 'train_loss').steps, [3, 7, 11, 15, 19, 23]);
    assert.deepEqual(series(data, 'val_loss').steps, [7, 15, 23]);
    assert.deepEqual(series(data, 'epoch'), { steps: [3, 7, 11, 15, 19, 23], values: [0, 0, 1, 1, 2, 2] });
    // The file has no quoting, so a plain split is an independent reading of the val rows.
    const valRows = text
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[4]);
    assert.deepEqual(
      series(data, 'val_loss').values,
      valRows.map((cells) => Number(cells[4])),
    );
    assert.deepEqual(data.notes, [], 'epoch repeated with the same value at a shared step is not worth a note');
  });

  it("reads a TSV in DVCLive's layout, keeping the wall-clock timestamp column for the compare filter", () => {
    const text = fixture('dvclive/plots/metrics/train/loss.tsv');
    assert.ok(text.startsWith('timestamp\tstep\tloss\n'));
    const data = parseMetricText(text, 'loss.tsv');
    const loss = series(data, 'loss');
    assert.deepEqual(
      loss.steps,
      Array.from({ length: 30 }, (_, index) => index),
    );
    assert.equal(loss.values[0], Number(text.split('\n')[1]!.split('\t')[2]));
    assert.equal(series(data, 'timestamp').steps.length, 30);
  });

  it("reads the Hugging Face Trainer's trainer_state.json log_history, not the state's other fields", () => {
    const data = parseMetricText(fixture('trainer_state.json'), 'trainer_state.json');
    assert.deepEqual(series(data, 'loss').steps, [10, 20, 30, 40, 50]);
    assert.deepEqual(series(data, 'eval_loss').steps, [20, 40]);
    assert.deepEqual(series(data, 'learning_rate').steps, [10, 20, 30, 40, 50]);
    for (const name of ['train_runtime', 'train_samples_per_second', 'total_flos', 'train_loss']) {
      assert.deepEqual(series(data, name).steps, [50], `${name} is in the final entry, which carries step 50`);
    }
    assert.equal(data.series.has('global_step'), false);
    assert.equal(data.series.has('max_steps'), false);
    assert.deepEqual(data.notes, []);
  });
});

describe('JSONL', () => {
  it('names numbers by their dotted path, without a prefix, and indexes arrays', () => {
    const data = parseMetricText(
      '{"step": 0, "eval": {"loss": 1, "top": {"k5": 0.5}}, "per_class": [0.25, 0.75]}\n',
      'm.jsonl',
    );
    assert.deepEqual([...data.series.keys()], ['eval.loss', 'eval.top.k5', 'per_class.0', 'per_class.1']);
    assert.deepEqual(series(data, 'eval.top.k5'), { steps: [0], values: [0.5] });
  });

  it('skips strings, booleans and null', () => {
    const data = parseMetricText('{"step": 1, "loss": 2, "phase": "train", "is_best": true, "lr": null}\n', 'm.jsonl');
    assert.deepEqual([...data.series.keys()], ['loss']);
  });

  it('takes the step from step, then global_step, then iteration; the others stay metrics', () => {
    const both = parseMetricText(
      '{"global_step": 7, "step": 3, "loss": 1}\n{"global_step": 8, "step": 4, "loss": 2}\n',
      'm.jsonl',
    );
    assert.deepEqual(series(both, 'loss').steps, [3, 4]);
    assert.deepEqual(series(both, 'global_step'), { steps: [3, 4], values: [7, 8] });
    assert.deepEqual(
      series(parseMetricText('{"global_step": 5, "iteration": 9, "loss": 1}', 'm.jsonl'), 'loss').steps,
      [5],
    );
    const iteration = parseMetricText('{"iteration": 9, "loss": 1}\n{"iteration": 10, "loss": 1}\n', 'm.jsonl');
    assert.deepEqual([...iteration.series.keys()], ['loss']);
    assert.deepEqual(series(iteration, 'loss').steps, [9, 10]);
  });

  it('only a top-level key is the step', () => {
    const data = parseMetricText('{"train": {"step": 3, "loss": 1}}\n', 'm.jsonl');
    assert.deepEqual(
      [...data.finals],
      [
        ['train.step', 3],
        ['train.loss', 1],
      ],
    );
  });

  it('gives final values for a line without a step', () => {
    const data = parseMetricText('{"step": 1, "loss": 0.5}\n{"test": {"accuracy": 0.9}}\n', 'm.jsonl');
    assert.deepEqual([...data.finals], [['test.accuracy', 0.9]]);
    assert.deepEqual([...data.series.keys()], ['loss']);
  });

  it("accepts Python's NaN, Infinity and -Infinity tokens and leaves strings mentioning them alone", () => {
    const text =
      '{"step": 1, "loss": NaN, "msg": "NaN is bad, so is Infinity", "NaN": 2, "up": Infinity, "down": -Infinity}\n';
    const data = parseMetricText(text, 'm.jsonl');
    assert.ok(Number.isNaN(series(data, 'loss').values[0]));
    assert.deepEqual(series(data, 'NaN').values, [2], 'a key spelled NaN is a name, not a number');
    assert.deepEqual(series(data, 'up').values, [Infinity]);
    assert.deepEqual(series(data, 'down').values, [-Infinity]);
    assert.equal(data.series.has('msg'), false);
  });

  it('merges several lines with the same step', () => {
    const data = parseMetricText(
      '{"step": 10, "train": {"loss": 1}}\n{"step": 10, "eval": {"loss": 2}}\n{"step": 20, "train": {"loss": 0.5}}\n',
      'm.jsonl',
    );
    assert.deepEqual(series(data, 'train.loss'), { steps: [10, 20], values: [1, 0.5] });
    assert.deepEqual(series(data, 'eval.loss'), { steps: [10], values: [2] });
    assert.deepEqual(data.notes, []);
  });

  it('refuses a metric logged at one step twice with different values, naming the metric, step, both lines and step-key', () => {
    const error = parseError('{"step": 1, "loss": 3}\n{"step": 1, "loss": 4}\n', 'run/m.jsonl');
    assert.equal(error.line, 2);
    assert.match(error.message, /"loss" is logged at step 1 again with another value \(first at run\/m\.jsonl:1\)/);
    assert.match(error.hint!, /`step-key` setting/);
    // The same value again at one step is harmless (Lightning repeats `epoch` on train and val rows).
    const same = parseMetricText('{"step": 1, "epoch": 0, "loss": 3}\n{"step": 1, "epoch": 0}\n', 'm.jsonl');
    assert.deepEqual(series(same, 'epoch'), { steps: [1], values: [0] });
    assert.deepEqual(same.notes, []);
  });

  it('W&B with Lightning: `_step`, `_runtime` and `_timestamp` change on the train and val rows of one step, and that is no collapse', () => {
    const rows = [
      { train_loss: 2.3, 'trainer/global_step': 49, epoch: 0, _step: 0, _runtime: 1.0, _timestamp: 1700000001.0 },
      { val_loss: 2.0, 'trainer/global_step': 49, epoch: 0, _step: 1, _runtime: 1.5, _timestamp: 1700000001.5 },
      { train_loss: 1.9, 'trainer/global_step': 99, epoch: 1, _step: 2, _runtime: 2.0, _timestamp: 1700000002.0 },
    ];
    const data = parseMetricText(rows.map((row) => JSON.stringify(row)).join('\n'), 'wandb-history.jsonl');
    assert.deepEqual(series(data, 'train_loss'), { steps: [49, 99], values: [2.3, 1.9] });
    assert.deepEqual(series(data, 'val_loss'), { steps: [49], values: [2.0] });
    assert.ok(data.notes.some((note) => note.startsWith('_step at step 49 was logged twice')));
  });

  it('refuses an epoch axis with one line per batch, and a per-epoch batch counter named as the step', () => {
    const lines: string[] = [];
    for (const epoch of [0, 1])
      for (const batch of [0, 1, 2]) lines.push(JSON.stringify({ epoch, batch, loss: 2 - epoch - batch / 10 }));
    const byEpoch = parseError(lines.join('\n'), 'm.jsonl');
    assert.equal(byEpoch.line, 2);
    assert.match(byEpoch.message, /"batch" is logged at "epoch" 0 again with another value \(first at m\.jsonl:1\)/);
    const byBatch = parseError(lines.join('\n'), 'm.jsonl', { stepKey: 'batch' });
    assert.equal(byBatch.line, 4);
    assert.match(
      byBatch.message,
      /logged at "batch" 2 \(m\.jsonl:3\), then at 0 again, back where it began \(m\.jsonl:1\): "batch" restarts/,
    );
    assert.match(byBatch.hint!, /step-key/);
  });

  it('refuses two keys of one record that flatten to one name, naming both forms', () => {
    const error = parseError('{"step": 1, "a.b": 1.5, "a": {"b": 2.0}}\n', 'm.jsonl');
    assert.equal(error.line, 1);
    assert.match(
      error.message,
      /two keys of this record give the metric name "a\.b" \(a key holding dots, "a\.b", and nested keys, "a": \{"b": …\}/,
    );
    assert.match(parseError('{"a.b": 1, "a": {"b": 1}}', 'summary.json').message, /metric name "a\.b"/);
  });

  it('refuses a step-less file whose records repeat a metric, naming the metric, two lines and step-key', () => {
    const error = parseError(
      '{"epoch_no": 0, "acc": 0.5}\n{"epoch_no": 1, "acc": 0.5}\n{"epoch_no": 2, "acc": 0.7}\n',
      'm.jsonl',
    );
    assert.equal(error.line, 2);
    assert.match(
      error.message,
      /"epoch_no" is logged again \(first at m\.jsonl:1\), but no record in the file has a step/,
    );
    assert.match(error.hint!, /`step-key` setting \(compare: --step-key KEY\)/);
    // Named, the same file is read on that axis.
    const data = parseMetricText('{"epoch_no": 0, "acc": 0.5}\n{"epoch_no": 1, "acc": 0.5}\n', 'm.jsonl', {
      stepKey: 'epoch_no',
    });
    assert.deepEqual(series(data, 'acc'), { steps: [0, 1], values: [0.5, 0.5] });
    assert.deepEqual(data.stepAxes, [{ file: 'm.jsonl', stepKey: 'epoch_no' }]);
  });

  it('refuses a step-less metric repeated with different values among stepped records; the same value is one final', () => {
    const lines = ['{"loss": 2.0}', '{"loss": 1.5}', '{"step": 2, "val_loss": 1.4}', '{"loss": 1.0}'];
    const error = parseError(lines.join('\n'), 'm.jsonl');
    assert.equal(error.line, 2);
    assert.match(error.message, /"loss" is logged without a step again with another value \(first at m\.jsonl:1\)/);
    const data = parseMetricText('{"step": 1, "loss": 1}\n{"acc": 0.5}\n{"acc": 0.5}\n', 'm.jsonl');
    assert.deepEqual([...data.finals], [['acc', 0.5]]);
  });

  it('sorts a resumed run whose steps go backwards and notes each re-logged step with both lines', () => {
    const lines = [
      '{"step": 1, "loss": 1.0, "lr": 0.1}',
      '{"step": 2, "loss": 0.9, "lr": 0.1}',
      '{"step": 3, "loss": 0.8, "lr": 0.1}',
      '{"step": 2, "loss": 0.95, "lr": 0.1}', // resumed from the step-1 checkpoint
      '{"step": 3, "loss": 0.85, "lr": 0.1}',
      '{"step": 4, "loss": 0.7, "lr": 0.1}',
    ];
    const data = parseMetricText(lines.join('\n'), 'm.jsonl');
    assert.deepEqual(series(data, 'loss'), { steps: [1, 2, 3, 4], values: [1.0, 0.95, 0.85, 0.7] });
    assert.deepEqual(series(data, 'lr').steps, [1, 2, 3, 4]);
    assert.deepEqual(data.notes.length, 2, 'lr was re-logged with the same values: no note');
    assert.match(data.notes[0]!, /loss at step 2 .*m\.jsonl:2 and m\.jsonl:4/);
    assert.match(data.notes[1]!, /loss at step 3 .*m\.jsonl:3 and m\.jsonl:5/);
  });

  it('lists the first 20 duplicates of a resumed run and counts the rest', () => {
    const first = Array.from({ length: 26 }, (_, step) => `{"step": ${step}, "loss": 1}`);
    const resumed = Array.from({ length: 26 }, (_, step) => `{"step": ${step + 1}, "loss": 2}`);
    const data = parseMetricText([...first, ...resumed].join('\n'), 'm.jsonl');
    assert.equal(data.notes.length, 21);
    assert.match(data.notes[20]!, /^5 more values were logged twice .* in m\.jsonl/);
  });

  it('refuses a step that goes back to where it began (a restarted counter); a resume to a checkpoint merges', () => {
    const lines = [
      '{"step": 1, "loss": 1}',
      '{"step": 2, "loss": 1}',
      '{"step": 1, "loss": 2}',
      '{"step": 2, "loss": 2}',
    ];
    const error = parseError(lines.join('\n'), 'm.jsonl');
    assert.equal(error.line, 3);
    assert.match(
      error.message,
      /"loss" is logged at step 2 \(m\.jsonl:2\), then at 1 again, back where it began \(m\.jsonl:1\)/,
    );
    // Going back with the same values (a restarted counter of a constant) loses nothing: read.
    const constant = parseMetricText(
      lines.map((line) => line.replace(/"loss": \d/, '"loss": 1')).join('\n'),
      'm.jsonl',
    );
    assert.deepEqual(series(constant, 'loss'), { steps: [1, 2], values: [1, 1] });
    // A run resumed from its step-3 checkpoint that ends at the step it had reached: the later segment wins.
    const resumed = [1, 2, 3, 4, 5].map((step) => `{"step": ${step}, "loss": ${10 - step}}`);
    resumed.push('{"step": 4, "loss": 1.8}', '{"step": 5, "loss": 1.5}');
    const data = parseMetricText(resumed.join('\n'), 'm.jsonl');
    assert.deepEqual(series(data, 'loss'), { steps: [1, 2, 3, 4, 5], values: [9, 8, 7, 1.8, 1.5] });
    assert.equal(data.notes.length, 2);
  });

  it('a metric re-logged at its last step is a resume only when the step went back between its records', () => {
    // Lightning's CSVLogger appended to by a resumed run: val_loss at step 100 again after the step went back to 50.
    const csv = 'epoch,step,train_loss,val_loss\n0,0,1.0,\n0,100,0.9,0.5\n0,50,0.95,\n0,100,0.91,0.51\n';
    const resumed = parseMetricText(csv, 'metrics.csv');
    assert.deepEqual(series(resumed, 'val_loss'), { steps: [100], values: [0.51] });
    assert.deepEqual(series(resumed, 'train_loss'), { steps: [0, 50, 100], values: [1, 0.95, 0.91] });
    assert.match(
      resumed.notes.join('\n'),
      /val_loss at step 100 was logged twice .*metrics\.csv:3 and .*metrics\.csv:5/,
    );
    // Without the step going back in between, the same two records are a step that does not advance.
    assert.throws(
      () => parseMetricText('{"step": 100, "val_loss": 0.5}\n{"step": 100, "val_loss": 0.51}\n', 'm.jsonl'),
      /"val_loss" is logged at step 100 again with another value/,
    );
  });

  it('reads CRLF line ends, blank lines and a byte-order mark, keeping physical line numbers', () => {
    const data = parseMetricText(
      '\uFEFF{"step": 1, "loss": 1}\r\n\r\n   \r\n{"step": 2, "loss": NaN}\r\n{"step": 3, "loss": 1}\r\n{"step": 2, "loss": 3}\r\n{"step": 4, "loss": 3}\r\n',
      'm.jsonl',
    );
    assert.deepEqual(series(data, 'loss').steps, [1, 2, 3, 4]);
    assert.match(data.notes[0]!, /m\.jsonl:4 and m\.jsonl:6/);
  });

  it('refuses a malformed line, naming the file, the line and what it saw', () => {
    const error = parseError('{"step": 1, "loss": 1}\n\n{"step": 2, "loss": }\n', 'logs/m.jsonl');
    assert.equal(error.file, 'logs/m.jsonl');
    assert.equal(error.line, 3);
    assert.match(error.message, /^logs\/m\.jsonl:3: malformed JSON at column 21 .*\{"step": 2, "loss": \}/);
  });

  it('refuses a truncated first line as a bad JSONL line, not as a bad JSON document', () => {
    const error = parseError('{"step": 1, "lo\n{"step": 2, "loss": 1}\n', 'm.jsonl');
    assert.equal(error.line, 1);
    assert.match(error.message, /malformed JSON/);
  });

  it('refuses a line that is not an object', () => {
    assert.match(
      parseError('{"step": 1, "loss": 1}\n[1, 2]\n', 'm.jsonl').message,
      /^m\.jsonl:2: expected a JSON object on each line, got an array/,
    );
    assert.match(parseError('{"step": 1, "loss": 1}\n42\n', 'm.jsonl').message, /^m\.jsonl:2: .*got a number/);
  });

  it('refuses a step that is not a whole number >= 0, naming file and line', () => {
    for (const step of ['1.5', '-1', '"3"', 'null', 'NaN', 'Infinity', '1e300']) {
      const error = parseError(`{"step": 0, "loss": 1}\n{"step": ${step}, "loss": 1}\n`, 'm.jsonl');
      assert.equal(error.line, 2, `step ${step}`);
      assert.match(error.message, /"step" must be a whole number >= 0/);
    }
  });
});

describe('JSON documents', () => {
  it('reads an array of log objects', () => {
    const data = parseMetricText('[{"step": 1, "loss": 2}, {"step": 2, "loss": 1}, {"accuracy": 0.8}]', 'm.json');
    assert.deepEqual(series(data, 'loss'), { steps: [1, 2], values: [2, 1] });
    assert.deepEqual([...data.finals], [['accuracy', 0.8]]);
  });

  it('reads a flat object of final values', () => {
    const data = parseMetricText('{\n  "accuracy": 0.91,\n  "f1": 0.88,\n  "model": "mlp"\n}\n', 'final.json');
    assert.deepEqual(
      [...data.finals],
      [
        ['accuracy', 0.91],
        ['f1', 0.88],
      ],
    );
    assert.equal(data.series.size, 0);
  });

  it('reads a pretty-printed document holding Python NaN tokens', () => {
    const text =
      '{\n  "log_history": [\n    {\n      "loss": NaN,\n      "step": 5\n    },\n    {\n      "loss": 0.5,\n      "step": 10\n    }\n  ]\n}\n';
    const loss = series(parseMetricText(text, 'trainer_state.json'), 'loss');
    assert.deepEqual(loss.steps, [5, 10]);
    assert.ok(Number.isNaN(loss.values[0]));
  });

  it('names the log_history entry in an error about it', () => {
    const error = parseError(
      '{"log_history": [{"step": 1, "loss": 1}, {"step": -2, "loss": 1}]}',
      'trainer_state.json',
    );
    assert.match(error.message, /^trainer_state\.json: log_history\[1\]: "step" must be a whole number >= 0/);
    assert.match(
      parseError('[{"step": 1}, 7]', 'm.json').message,
      /^m\.json: \[1\]: expected an object of metrics, got 7/,
    );
  });

  it('names the log_history entries in a duplicate note', () => {
    const data = parseMetricText(
      '{"log_history": [{"step": 1, "loss": 1}, {"step": 2, "loss": 1}, {"step": 3, "loss": 1}, {"step": 2, "loss": 2}, {"step": 4, "loss": 1}]}',
      'trainer_state.json',
    );
    assert.match(data.notes[0]!, /trainer_state\.json log_history\[1\] and trainer_state\.json log_history\[3\]/);
  });

  it('refuses a malformed document with the line and column where reading stopped', () => {
    const error = parseError('{\n  "log_history": [\n    {"step": 1, "loss": 1},,\n  ]\n}\n', 'trainer_state.json');
    assert.equal(error.line, 3);
    assert.match(error.message, /not valid JSON, nor JSONL: .* at column 28/);
  });
});

describe('CSV and TSV', () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const text =
      'step,"acc, top1",comment,"say ""hi"""\n1,0.5,"two\nlines",3\n2,0.75,"a ""quoted"" word",4\n3,1,plain,5,extra\n';
    const error = parseError(text, 'm.csv');
    assert.equal(error.line, 5, 'the line count includes the line break inside the quoted field');
    assert.match(error.message, /has 5 fields, expected 4 \(the columns of the header on line 1\)/);
    const data = parseMetricText(text.slice(0, text.lastIndexOf('3,1,plain')), 'm.csv');
    assert.deepEqual(series(data, 'acc, top1'), { steps: [1, 2], values: [0.5, 0.75] });
    assert.deepEqual(series(data, 'say "hi"').values, [3, 4]);
    assert.equal(data.series.has('comment'), false);
  });

  it("reads nan and inf cells as Python's csv writer and pandas write them, and skips empty and text cells", () => {
    const data = parseMetricText('step,a,b,c,d,e\r\n0,nan,inf,-inf,NaN,True\r\n1,,1e-05,-0.5,Infinity,\r\n', 'm.csv');
    assert.ok(Number.isNaN(series(data, 'a').values[0]));
    assert.deepEqual(series(data, 'a').steps, [0], 'an empty cell is not logged at that step');
    assert.deepEqual(series(data, 'b').values, [Infinity, 1e-5]);
    assert.deepEqual(series(data, 'c').values, [-Infinity, -0.5]);
    assert.deepEqual(series(data, 'd').values, [NaN, Infinity]);
    assert.equal(data.series.has('e'), false);
  });

  it('tells TSV from CSV by the header, and by a .tsv name when the header has both or neither', () => {
    assert.deepEqual(
      series(parseMetricText('step\tloss\n1\t2.5\n', 'whatever.txt'), 'loss'),
      { steps: [1], values: [2.5] },
      'a tab in the header: TSV',
    );
    assert.deepEqual(series(parseMetricText('step\tloss, total\n1\t2\n', 'run.tsv'), 'loss, total').values, [2]);
    assert.match(parseError('step\tloss, total\n1\t2\n', 'run.csv').message, /^run\.csv:2: has 1 field, expected 2/);
    assert.deepEqual([...parseMetricText('loss\n2\n', 'single.tsv').finals], [['loss', 2]]);
  });

  it("ignores pandas' unnamed index column", () => {
    const data = parseMetricText(',step,loss\n0,10,0.5\n1,20,0.25\n', 'df.csv');
    assert.deepEqual([...data.series.keys()], ['loss']);
    assert.deepEqual(series(data, 'loss').steps, [10, 20]);
  });

  it('reads one row of final values without a step column, and refuses a second row', () => {
    assert.deepEqual(
      [...parseMetricText('accuracy,f1\n0.9,0.8\n', 'final.csv').finals],
      [
        ['accuracy', 0.9],
        ['f1', 0.8],
      ],
    );
    const error = parseError('accuracy,f1\n0.9,0.8\n0.91,0.81\n', 'final.csv');
    assert.equal(error.line, 3);
    assert.match(
      error.message,
      /"accuracy" is logged again \(first at final\.csv:2\), but no record in the file has a step/,
    );
  });

  it('reads a row with an empty step cell as final values', () => {
    const data = parseMetricText('step,loss,test_acc\n1,0.5,\n,,0.9\n', 'm.csv');
    assert.deepEqual([...data.finals], [['test_acc', 0.9]]);
  });

  it('refuses a ragged row, naming the line and the expected column count', () => {
    const error = parseError('step,loss,acc\n1,0.5,0.1\n2,0.4\n', 'logs/metrics.csv');
    assert.equal(error.file, 'logs/metrics.csv');
    assert.equal(error.line, 3);
    assert.match(error.message, /^logs\/metrics\.csv:3: has 2 fields, expected 3/);
  });

  it('refuses a non-integer step cell, an unclosed quote and a repeated column name', () => {
    assert.match(
      parseError('step,loss\n1,0.5\n2.5,0.4\n', 'm.csv').message,
      /^m\.csv:3: "step" must be a whole number >= 0 .*"2\.5"/,
    );
    assert.match(
      parseError('step,loss\n1,0.5\n"2,0.4\n', 'm.csv').message,
      /^m\.csv:3: a quoted field is never closed/,
    );
    assert.match(
      parseError('step,loss,loss\n1,0.5,0.4\n', 'm.csv').message,
      /^m\.csv:1: .*"loss" twice \(columns 2 and 3\)/,
    );
    assert.match(
      parseError('step,loss\n1,"0.5"x\n', 'm.csv').message,
      /^m\.csv:2: unexpected "x" after a closing quote/,
    );
  });
});

describe('empty input', () => {
  for (const [what, text, file] of [
    ['an empty file', '', 'm.jsonl'],
    ['only blank lines', '\n  \r\n\n', 'm.jsonl'],
    ['only a CSV header', 'step,loss\r\n', 'm.csv'],
    ['JSON with no numbers', '[]', 'm.json'],
  ] as const) {
    it(`refuses ${what}, saying what formats are accepted`, () => {
      const error = parseError(text, file);
      assert.match(error.message, new RegExp(`^${file.replace('.', '\\.')}: no metrics were found`));
      assert.match(error.hint ?? '', /JSONL .*JSON .*CSV\/TSV/);
    });
  }
});

describe('addPrefix', () => {
  it('puts the prefix before every series and final name, leaving the input as it was', () => {
    const data = parseMetricText(
      '{"step": 1, "loss": 1}\n{"step": 2, "loss": 2}\n{"step": 3, "loss": 3}\n{"step": 2, "loss": 4}\n{"step": 4, "loss": 5}\n{"acc": 0.5}\n',
      'm.jsonl',
    );
    const prefixed = addPrefix(data, 'train');
    assert.deepEqual([...prefixed.series.keys()], ['train.loss']);
    assert.deepEqual([...prefixed.finals], [['train.acc', 0.5]]);
    assert.deepEqual(prefixed.notes, data.notes);
    assert.deepEqual([...data.series.keys()], ['loss']);
  });
});

describe('the step axis', () => {
  it('a step-key no record holds is named with the keys the records have', () => {
    const error = parseError('{"step": 1, "loss": 2}\n{"step": 2, "loss": 1}\n', 'm.jsonl', { stepKey: 'iteration' });
    assert.match(
      error.message,
      /step-key "iteration": no record in the file has this key \(its records have "step", "loss"\)/,
    );
    const entries = parseError('[{"step": 1, "loss": 2}, {"step": 2, "loss": 1}]', 'm.json', { stepKey: 'iteration' });
    assert.match(entries.message, /step-key "iteration": no record/);
  });

  it('a fractional epoch as the step is refused with advice; other non-whole steps name the step-key fix', () => {
    const epoch = parseError('{"epoch": 0.25, "loss": 2}\n{"epoch": 0.5, "loss": 1}\n', 'm.jsonl');
    assert.match(epoch.message, /"epoch" must be a whole number >= 0 \(it is the step\), got 0\.25/);
    assert.match(epoch.hint!, /fractional epoch .* log a whole-number step/);
    assert.match(
      parseError('step,loss\n1.5,2\n', 'm.csv').hint!,
      /If "step" is not the step, name the key that is with the `step-key` setting/,
    );
  });

  it('a CSV separated by semicolons is refused naming the separator', () => {
    const error = parseError('step;loss;acc\n0;1.0;0.5\n', 'm.csv');
    assert.equal(error.line, 1);
    assert.match(error.message, /separates its columns with ";"; only commas \(CSV\) and tabs \(TSV\)/);
    assert.match(parseError('step|loss\n0|1\n', 'm.csv').message, /with "\|"/);
  });

  it("pandas' index with gaps: the advice names the index, not a step-key it cannot have", () => {
    const error = parseError(',loss\n0,1.0\n2,0.9\n4,0.8\n', 'm.csv');
    assert.equal(error.line, 3);
    assert.match(error.hint!, /index_label='step'.*index=False/);
  });

  it('takes the first key of the documented priority, matched case-insensitively after trimming', () => {
    const cases: Array<[string, string]> = [
      ['{"epoch": 1, "global_step": 5, "loss": 1}\n{"epoch": 1, "global_step": 6, "loss": 1}\n', 'global_step'],
      ['{"trainer/global_step": 5, "_step": 9, "iter": 3, "loss": 1}\n', 'trainer/global_step'],
      ['{"iter": 3, "_step": 9, "loss": 1}\n', 'iter'],
      ['{"_step": 9, "epoch": 2, "loss": 1}\n', '_step'],
      ['{"Epoch": 2, "loss": 1}\n', 'Epoch'],
    ];
    for (const [text, key] of cases) {
      const data = parseMetricText(text, 'm.jsonl');
      assert.deepEqual(data.stepAxes, [{ file: 'm.jsonl', stepKey: key }], text);
      assert.equal(data.series.has(key), false, `${key} is the step, not a metric`);
    }
    const padded = parseMetricText(' Step ,loss\n1,0.5\n2,0.25\n', 'tb.csv');
    assert.deepEqual(series(padded, 'loss'), { steps: [1, 2], values: [0.5, 0.25] });
    assert.deepEqual(padded.stepAxes, [{ file: 'tb.csv', stepKey: 'Step' }]);
  });

  it('refuses a file that numbers some records by step and others by epoch', () => {
    const error = parseError('{"step": 1, "loss": 1}\n{"epoch": 0, "val_loss": 2}\n', 'm.jsonl');
    assert.equal(error.line, 2);
    assert.match(error.message, /the step here is "epoch", but earlier records are numbered by "step"/);
    assert.match(error.hint!, /step-key/);
  });

  it('reads an explicit step-key, and refuses a CSV header without it', () => {
    const data = parseMetricText('batch,loss\n0,1\n1,0.5\n', 'm.csv', { stepKey: 'batch' });
    assert.deepEqual(series(data, 'loss'), { steps: [0, 1], values: [1, 0.5] });
    assert.match(
      parseError('step,loss\n0,1\n', 'm.csv', { stepKey: 'batch' }).message,
      /step-key "batch": the header has no such column \(it has "step", "loss"\)/,
    );
  });

  it("reads pandas' unnamed index as the step only while it counts up by one", () => {
    assert.deepEqual(series(parseMetricText(',loss\n0,1\n1,0.5\n', 'df.csv'), 'loss'), {
      steps: [0, 1],
      values: [1, 0.5],
    });
    const byDate = parseMetricText(',loss\n2024-01-01,1\n', 'df.csv');
    assert.deepEqual([...byDate.finals], [['loss', 1]], 'an index that is not a whole number is no step');
    const error = parseError(',loss\n0,1\n2,0.5\n', 'df.csv');
    assert.equal(error.line, 3);
    assert.match(error.message, /goes from 0 to 2/);
  });
});

describe('numbers that are not what they look like', () => {
  it('refuses a number outside the double range instead of reading Infinity', () => {
    assert.match(
      parseError('{"step": 1, "loss": 1e400}\n', 'm.jsonl').message,
      /^m\.jsonl:1: "loss" is a number outside the double range/,
    );
    assert.match(
      parseError('{"step": 1, "loss": 1e400, "x": NaN}\n', 'm.jsonl').message,
      /^m\.jsonl:1: .*1e400 is outside the double range/,
    );
    assert.match(
      parseError('step,loss\n1,-1e999\n', 'm.csv').message,
      /^m\.csv:2: "loss" is -1e999, a number outside the double range/,
    );
    assert.equal(
      parseMetricText('step,loss\n1,inf\n', 'm.csv').series.get('loss')!.values[0],
      Infinity,
      'inf written as such is infinity',
    );
  });

  it('refuses a last line cut after the decimal point, and reads the same cell on a finished line', () => {
    const error = parseError('step,loss\n1,0.5\n2,0.', 'm.csv');
    assert.equal(error.line, 3);
    assert.match(error.message, /ends in the middle of this line .* "loss" reads "0\.": .*not read as 0/);
    assert.deepEqual(series(parseMetricText('step,loss\n1,0.5\n2,0.\n', 'm.csv'), 'loss').values, [0.5, 0]);
  });
});

describe('arrays too long to read element by element', () => {
  it('are left out with a note and named in uncompared, so no report claims every value was compared', () => {
    // Keras: json.dump(history.history) after 1500 epochs.
    const history = { loss: Array.from({ length: 1500 }, (_, i) => 1 / (i + 1)), lr: 0.001 };
    const data = parseMetricText(JSON.stringify(history), 'history.json');
    assert.deepEqual(data.uncompared, ['loss']);
    assert.equal(data.finals.get('lr'), 0.001);
    assert.ok(!data.finals.has('loss.0'));
    assert.match(data.notes.join('\n'), /loss: an array of 1500 elements .* was skipped; .* so it was not compared/);
  });
});
