import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSettings, SettingsError } from '../../src/settings/load.ts';
import { tolerancePlanFromText, changedToleranceKeys } from '../../src/settings/tolerance.ts';
import { tolerancePlanOf } from '../../src/settings/plans.ts';
import { settingsJsonSchema, DEFAULT_IGNORED_METRICS } from '../../src/settings/schema.ts';
import { readActionInputs } from '../../src/action/inputs.ts';

const file = (text: string) => ({ path: 'repro.yml', text });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SettingsError, `expected a SettingsError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected the settings to be refused');
}

test('defaults come from the schema, the file overrides them, explicit inputs override the file', () => {
  const loaded = loadSettings({
    file: file(
      'command: python train.py --steps 200\nmetrics: out/metrics.jsonl\nseed: 7\ntolerance: { rtol: 1.0e-3 }\n',
    ),
    overrides: [{ key: 'seed', value: '9', origin: 'input "seed"' }],
  });
  assert.equal(loaded.config.command, 'python train.py --steps 200');
  assert.equal(loaded.config.seed, 9);
  assert.deepEqual(loaded.config.tolerance, { rtol: 1e-3 });
  assert.equal(loaded.config.baseline, '.repro/baseline.json');
  assert.deepEqual(loaded.config['ignore-metrics'], DEFAULT_IGNORED_METRICS);
  assert.equal(loaded.origins.seed, 'input "seed"');
  assert.equal(loaded.origins.tolerance, 'repro.yml');
  assert.equal(loaded.origins.baseline, 'default');
});

test('every problem is reported at once, with the file line and a did-you-mean', () => {
  const problems = problemsOf(() =>
    loadSettings({
      file: file('comand: python t.py\nmetrics: m.jsonl\nseed: abc\ntolerance:\n  rtol: -1\n'),
      overrides: [{ key: 'timeout-minutes', value: 'soon', origin: 'input "timeout-minutes"' }],
    }),
  );
  assert.equal(problems.length, 5, problems.join('\n'));
  assert.ok(
    problems.some((p) => p.startsWith('repro.yml:1: unknown key "comand" (did you mean "command"?)')),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.startsWith('repro.yml:3: seed:')));
  assert.ok(problems.some((p) => p.startsWith('repro.yml:5: tolerance.rtol:')));
  assert.ok(problems.some((p) => p.startsWith('input "timeout-minutes": timeout-minutes:')));
  assert.ok(problems.some((p) => p.includes('set either `command`')));
});

test('nested unknown keys are named with their path and the accepted siblings', () => {
  const problems = problemsOf(() =>
    loadSettings({ file: file('trainer:\n  module: builtin:smoke\n  step: 10\n'), overrides: [] }),
  );
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /^repro\.yml:3: unknown key "trainer\.step" \(did you mean "trainer\.steps"\?\); accepted: module, backend, steps/,
  );
});

test('text inputs are taken as written, others are parsed as YAML; dotted --set keys reach into maps', () => {
  const loaded = loadSettings({
    file: null,
    overrides: [
      { key: 'command', value: 'echo key: value', origin: 'input "command"' },
      { key: 'metrics', value: '{ train: a.jsonl, eval: b.csv }', origin: 'input "metrics"' },
      { key: 'metric-tolerances', value: '{ "eval.*": { rtol: 1e-3 } }', origin: 'input "metric-tolerances"' },
      { key: 'tolerance.atol', value: '0.5', origin: '--set tolerance.atol' },
    ],
  });
  assert.equal(loaded.config.command, 'echo key: value');
  assert.deepEqual(loaded.config.metrics, { train: 'a.jsonl', eval: 'b.csv' });
  assert.deepEqual(loaded.config['metric-tolerances'], { 'eval.*': { rtol: 1e-3 } });
  assert.deepEqual(loaded.config.tolerance, { atol: 0.5 });
});

test('bad YAML, a non-map file, both command and trainer, and command without metrics are refused', () => {
  assert.match(
    problemsOf(() => loadSettings({ file: file('command: [unclosed\n'), overrides: [] }))[0]!,
    /^repro\.yml:\d+: YAML syntax error/,
  );
  assert.match(
    problemsOf(() => loadSettings({ file: file('- a\n- b\n'), overrides: [] }))[0]!,
    /top level must be a map/,
  );
  const both = problemsOf(() =>
    loadSettings({ file: file('command: x\nmetrics: m\ntrainer: { module: builtin:smoke }\n'), overrides: [] }),
  );
  assert.ok(both.some((p) => p.includes('alternatives')));
  assert.ok(
    problemsOf(() => loadSettings({ file: file('command: x\n'), overrides: [] })).some((p) =>
      p.includes('say where the metrics are written'),
    ),
  );
  assert.ok(
    problemsOf(() =>
      loadSettings({ file: file('trainer: { module: builtin:smoke, backend: cuda }\n'), overrides: [] }),
    ).some((p) => p.includes('trainer.backend') && p.includes('tensorflow-gpu')),
  );
  assert.ok(
    problemsOf(() =>
      loadSettings({ file: file('command: x\nmetrics: m\ntolerance: { exact: true, rtol: 1 }\n'), overrides: [] }),
    ).some((p) => p.startsWith('repro.yml:3: tolerance: `exact: true`')),
  );
});

test("tolerance keys are read from another commit's config, defaults filled in, and changes are listed", () => {
  const base = tolerancePlanFromText('command: x\ntolerance: { rtol: 1.0e-6 }\n');
  assert.ok(base);
  assert.deepEqual(base.tolerance, { rtol: 1e-6 });
  assert.deepEqual(base['ignore-metrics'], DEFAULT_IGNORED_METRICS);
  const head = tolerancePlanOf(
    loadSettings({ file: file('command: x\nmetrics: m\ntolerance: { rtol: 0.1 }\n'), overrides: [] }).config,
  );
  assert.deepEqual(changedToleranceKeys(base, head), ['tolerance']);
  assert.equal(tolerancePlanFromText('tolerance: { rtol: loose }\n'), null);
  assert.equal(tolerancePlanFromText(': : :\n  - ['), null);
});

test('the committed JSON Schema of repro.yml is fresh', () => {
  const committed = JSON.parse(readFileSync(new URL('../../schema/repro.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(
    committed,
    JSON.parse(JSON.stringify(settingsJsonSchema())),
    'run `npm run schema` and commit schema/repro.schema.json',
  );
});

test('a metrics path or glob given as an input is text; a YAML map is still a map', () => {
  const base = {
    file: file('command: python t.py\n'),
    overrides: [] as Array<{ key: string; value: string; origin: string }>,
  };
  for (const value of ['{out}/metrics.jsonl', '*.jsonl', 'logs/**/metrics.csv']) {
    const loaded = loadSettings({ ...base, overrides: [{ key: 'metrics', value, origin: 'input "metrics"' }] });
    assert.equal(loaded.config.metrics, value);
  }
  const map = loadSettings({
    ...base,
    overrides: [{ key: 'metrics', value: '{ train: a.jsonl, eval: "{out}/b.csv" }', origin: '--set metrics' }],
  });
  assert.deepEqual(map.config.metrics, { train: 'a.jsonl', eval: '{out}/b.csv' });
  const block = loadSettings({
    ...base,
    overrides: [{ key: 'metrics', value: 'train: a.jsonl\neval: b.csv\n', origin: 'input "metrics"' }],
  });
  assert.deepEqual(block.config.metrics, { train: 'a.jsonl', eval: 'b.csv' });
  // One entry of the map, by a dotted key: its value is a path too.
  const entry = loadSettings({
    ...base,
    overrides: [{ key: 'metrics.eval', value: '{out}/eval.jsonl', origin: '--set metrics.eval' }],
  });
  assert.deepEqual(entry.config.metrics, { eval: '{out}/eval.jsonl' });
});

test('the action input "metrics" (INPUT_METRICS) is read as text through the input lookup; a map input is a map', () => {
  const inputs = (values: Record<string, string>) => readActionInputs((name) => values[name] ?? '');
  for (const value of ['{out}/m.jsonl', '*.jsonl', ' dvclive/plots/metrics/*.tsv ']) {
    const { overrides } = inputs({ command: 'python train.py', metrics: value });
    const loaded = loadSettings({ file: null, overrides });
    assert.equal(loaded.config.metrics, value.trim());
    assert.equal(loaded.origins.metrics, 'input "metrics"');
  }
  const map = loadSettings({
    file: null,
    overrides: inputs({ command: 't', metrics: 'train: "{out}/train.jsonl"\neval: "{out}/eval.csv"\n' }).overrides,
  });
  assert.deepEqual(map.config.metrics, { train: '{out}/train.jsonl', eval: '{out}/eval.csv' });
  // A map that is not valid YAML is named as the input, not taken as a path.
  assert.match(
    problemsOf(() =>
      loadSettings({ file: null, overrides: inputs({ command: 't', metrics: '{ train: a.jsonl' }).overrides }),
    )[0]!,
    /^input "metrics": not valid YAML/,
  );
});

test('problems the entry found in the invocation are reported with the settings problems, and explicit keys are listed', () => {
  const problems = problemsOf(() =>
    loadSettings({
      file: file('command: t\nmetrics: m\nseed: x\n'),
      overrides: [],
      problems: ['--format yaml: not accepted; accepted: markdown, json'],
    }),
  );
  assert.deepEqual(
    problems.map((p) => p.split(':')[0]),
    ['--format yaml', 'repro.yml'],
  );
  const loaded = loadSettings({
    file: file('command: t\nmetrics: m\ntolerance: { rtol: 1.0e-3 }\n'),
    overrides: [{ key: 'ignore-metrics', value: '[wall]', origin: 'input "ignore-metrics"' }],
  });
  assert.deepEqual(loaded.explicitKeys, ['ignore-metrics']);
  assert.equal(loaded.origins.tolerance, 'repro.yml');
});

test('an unknown key inside a metric-tolerances entry lists the tolerance keys it accepts', () => {
  const problems = problemsOf(() =>
    loadSettings({
      file: file('command: t\nmetrics: m.jsonl\nmetric-tolerances:\n  "eval.*": { rtoll: 1.0e-3 }\n'),
      overrides: [],
    }),
  );
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!,
    /^repro\.yml:4: unknown key "metric-tolerances\.eval\.\*\.rtoll" \(did you mean "metric-tolerances\.eval\.\*\.rtol"\?\); accepted: .*rtol.*atol/,
  );
});

test('step-key: one key, or a map whose keys are prefixes of the map form of metrics', () => {
  assert.equal(
    loadSettings({ file: file('command: t\nmetrics: m.csv\nstep-key: batch\n'), overrides: [] }).config['step-key'],
    'batch',
  );
  const map = loadSettings({
    file: file('command: t\nmetrics: { train: a.csv, eval: b.csv }\nstep-key: { train: batch }\n'),
    overrides: [],
  });
  assert.deepEqual(map.config['step-key'], { train: 'batch' });
  assert.match(
    problemsOf(() =>
      loadSettings({ file: file('command: t\nmetrics: m.csv\nstep-key: { train: batch }\n'), overrides: [] }),
    ).join('\n'),
    /repro\.yml:3: a map of step keys goes with the map form of `metrics`/,
  );
  assert.match(
    problemsOf(() =>
      loadSettings({
        file: file('command: t\nmetrics: { train: a.csv }\nstep-key: { trian: batch }\n'),
        overrides: [],
      }),
    ).join('\n'),
    /"trian" is not a prefix of `metrics`; accepted: "train"/,
  );
  assert.deepEqual(
    loadSettings({
      file: file('command: t\nmetrics: m.csv\n'),
      overrides: [{ key: 'allow-non-finite', value: '[grad_norm]', origin: 'input "allow-non-finite"' }],
    }).config['allow-non-finite'],
    ['grad_norm'],
  );
});

test('the JSON Schema compiles under ajv strict mode, accepts the examples and states the rules across keys', async () => {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const { parse } = await import('yaml');
  // Strict mode; zod writes a union of primitive types as one `type` array, which ajv allows by name.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const validate = ajv.compile(settingsJsonSchema());
  for (const example of [
    'examples/smoke/repro.yml',
    'examples/smoke/repro-cpu.yml',
    'examples/pytorch-smoke/repro.yml',
  ]) {
    const config = parse(readFileSync(new URL(`../../${example}`, import.meta.url), 'utf8'));
    assert.ok(validate(config), `${example}: ${ajv.errorsText(validate.errors)}`);
  }
  // What the loader refuses across keys, the schema refuses too (so an editor shows it).
  assert.equal(validate({ command: 'python t.py', trainer: { module: 'builtin:smoke' } }), false);
  assert.equal(validate({ command: 'python t.py' }), false);
  assert.ok(
    problemsOf(() => loadSettings({ file: file('command: python t.py\n'), overrides: [] })).some((p) =>
      /metrics/.test(p),
    ),
  );
  assert.equal(validate({ command: 'python t.py', metrics: '{out}/m.jsonl' }), true);
  // A file of tolerance keys only is valid: the command may come from an input.
  assert.equal(validate({ tolerance: { rtol: 1e-4 } }), true);
});
