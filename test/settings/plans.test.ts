/**
 * The settings as plans (src/settings/plans.ts): what and how to train, the tolerance, and how a
 * job publishes. Each derived from settings loaded the way the entries load them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSettings } from '../../src/settings/load.ts';
import { DEFAULT_ACCEPT_LABEL, DEFAULT_CHECK_NAME, DEFAULT_IGNORED_METRICS } from '../../src/settings/schema.ts';
import { publishPlanOf, tolerancePlanOf, trainingPlanOf } from '../../src/settings/plans.ts';
import { settingsHash } from '../../src/modes/train.ts';

const fromFile = (text: string, inputs: Record<string, string> = {}) =>
  loadSettings({
    file: { path: 'repro.yml', text },
    overrides: Object.entries(inputs).map(([key, value]) => ({ key, value, origin: `input "${key}"` })),
  });
const inputs = (values: Record<string, string>) =>
  loadSettings({
    file: null,
    overrides: Object.entries(values).map(([key, value]) => ({ key, value, origin: `input "${key}"` })),
  });

test('training plan of a command: the command with its metrics, the seed, its determinism switch, timeout and paths', () => {
  const { config } = fromFile(
    [
      'command: python train.py',
      'metrics: {train: "{out}/train.jsonl", eval: "{out}/eval.csv"}',
      'step-key: {eval: epoch}',
      'seed: 7',
      'determinism-env: false',
      'timeout-minutes: 5',
      'checkpoints: "{out}/model.safetensors"',
      'fingerprint-paths: [data/]',
      'python: .venv/bin/python',
      'working-directory: training',
      'kill-escaped: true',
      'isolation: none',
    ].join('\n'),
  );
  assert.deepEqual(trainingPlanOf(config), {
    job: {
      kind: 'command',
      command: 'python train.py',
      metrics: { train: '{out}/train.jsonl', eval: '{out}/eval.csv' },
    },
    seed: 7,
    determinismEnv: false,
    determinismVariables: false,
    timeoutMinutes: 5,
    stepKey: { eval: 'epoch' },
    ignoreMetrics: DEFAULT_IGNORED_METRICS,
    checkpoints: { glob: '{out}/model.safetensors', averageLast: undefined, evalCommand: undefined },
    isolation: 'none',
    killEscaped: true,
    fingerprintPaths: ['data/'],
    python: '.venv/bin/python',
    workingDirectory: 'training',
  });
  // Left out: the schema's defaults, and undefined where "not set" has its own meaning.
  const plain = trainingPlanOf(fromFile('command: ./train.sh\nmetrics: m.jsonl\n').config);
  assert.equal(plain.seed, 1234);
  assert.equal(plain.determinismVariables, true);
  assert.equal(plain.timeoutMinutes, 30);
  assert.equal(plain.checkpoints, null);
  assert.equal(plain.killEscaped, undefined, "the entry's default applies (true under the action, false in the CLI)");
  assert.equal(plain.stepKey, undefined);
  assert.equal(plain.python, undefined);
  assert.equal(plain.workingDirectory, '.');
});

test('training plan of the built-in trainer: its settings with defaults, its own metrics file, strict-determinism as the switch', () => {
  const { config } = fromFile(
    [
      'trainer: { module: builtin:smoke, steps: 20, strict-determinism: false }',
      'checkpoints: { glob: "{out}/ckpt-*.safetensors", average-last: 3, eval-command: "python eval.py {checkpoint}" }',
    ].join('\n'),
  );
  const plan = trainingPlanOf(config);
  assert.deepEqual(plan.job, {
    kind: 'trainer',
    trainer: {
      module: 'builtin:smoke',
      backend: 'auto',
      steps: 20,
      'checkpoint-every': 20,
      'strict-determinism': false,
      'install-backend': false,
      options: {},
    },
    metrics: null,
  });
  // determinism-env (true by default) is for a command; the trainer's TensorFlow switches follow its own key.
  assert.equal(plan.determinismEnv, true);
  assert.equal(plan.determinismVariables, false);
  assert.deepEqual(plan.checkpoints, {
    glob: '{out}/ckpt-*.safetensors',
    averageLast: 3,
    evalCommand: 'python eval.py {checkpoint}',
  });
  const withMetrics = trainingPlanOf(
    fromFile('trainer: { module: ./train.mjs }\nmetrics: "{out}/extra.jsonl"\n').config,
  );
  assert.equal(withMetrics.job.metrics, '{out}/extra.jsonl');
});

test('training plan: settings that train nothing (mode: publish) have none', () => {
  const { config } = loadSettings({ file: null, overrides: [], trains: false });
  assert.throws(() => trainingPlanOf(config), /no command \(with metrics\) and no trainer/);
});

test('the settings hash of a plan is the one run records already carry (command or trainer, seed, determinism-env)', () => {
  // Computed from the settings before they were split into plans: a change here would make every
  // stored baseline report "the training settings differ".
  const command = trainingPlanOf(fromFile('command: python train.py\nmetrics: "{out}/m.jsonl"\nseed: 7\n').config);
  assert.equal(settingsHash(command), 'fba66a87f7185d6da9fe96111def4334237e6a6ea58946b8731dfc493bb1f1ed');
  const trainer = trainingPlanOf(fromFile('trainer: { module: builtin:smoke, steps: 20 }\n').config);
  assert.equal(settingsHash(trainer), '96947657eb4f145d6b5018d5fa905cf7ca99f41748944466616fe3c45dc34788');
  // The audit trains the same plan with other seeds: another seed, another hash; nothing else moves.
  const reseeded = { ...command, seed: 8 };
  assert.notEqual(settingsHash(reseeded), settingsHash(command));
  assert.deepEqual({ ...reseeded, seed: 7 }, command);
});

test('tolerance plan: the tolerance keys as the settings give them, defaults filled in', () => {
  const given = fromFile(
    [
      'command: x',
      'metrics: m',
      'tolerance: { rtol: 1.0e-3, sigma: 4, window: 10 }',
      'metric-tolerances: { "eval.*": { exact: true } }',
      'ignore-metrics: [time]',
    ].join('\n'),
  ).config;
  assert.deepEqual(tolerancePlanOf(given), {
    tolerance: { rtol: 1e-3, sigma: 4, window: 10 },
    'metric-tolerances': { 'eval.*': { exact: true } },
    'ignore-metrics': ['time'],
  });
  assert.deepEqual(tolerancePlanOf(fromFile('command: x\nmetrics: m\n').config), {
    tolerance: { rtol: 1e-5, atol: 1e-8 },
    'metric-tolerances': {},
    'ignore-metrics': DEFAULT_IGNORED_METRICS,
  });
});

test('publish plan: defaults, and comment-author undefined when not set (then it is learned from GitHub)', () => {
  const { config } = fromFile('command: x\nmetrics: m\n');
  assert.equal(config['check-name'], undefined);
  assert.equal(config['comment-author'], undefined);
  assert.deepEqual(publishPlanOf(config, 'repro'), {
    checkName: DEFAULT_CHECK_NAME,
    commentKey: 'repro',
    sharesStatusContext: false,
    commentAuthor: undefined,
    acceptLabel: DEFAULT_ACCEPT_LABEL,
    failOnDrift: true,
    baselineUpdate: 'commit',
    allowBaselineFromAnyBranch: false,
    allowForkPrs: false,
    allowPullRequestTarget: false,
  });
  // Set, it is used as written, also when it names the workflow token's own login.
  assert.equal(
    publishPlanOf(fromFile('command: x\nmetrics: m\ncomment-author: repro-app[bot]\n').config, 'j').commentAuthor,
    'repro-app[bot]',
  );
  assert.equal(
    publishPlanOf(inputs({ command: 'x', metrics: 'm', 'comment-author': 'github-actions[bot]' }).config, 'j')
      .commentAuthor,
    'github-actions[bot]',
  );
  const switched = publishPlanOf(
    inputs({
      command: 'x',
      metrics: 'm',
      'fail-on-drift': 'false',
      'accept-label': 'ok-drift',
      'baseline-update': 'pull-request',
      'allow-baseline-from-any-branch': 'true',
      'allow-fork-prs': 'true',
      'allow-pull-request-target': 'true',
    }).config,
    'j',
  );
  assert.deepEqual(
    [
      switched.failOnDrift,
      switched.acceptLabel,
      switched.baselineUpdate,
      switched.allowBaselineFromAnyBranch,
      switched.allowForkPrs,
      switched.allowPullRequestTarget,
    ],
    [false, 'ok-drift', 'pull-request', true, true, true],
  );
});

test('comment key: comment-key when given; else the check-name a matrix entry was given; else the job id', () => {
  const commentKeyOf = (settings: ReturnType<typeof inputs>) => publishPlanOf(settings.config, 'repro').commentKey;
  assert.equal(commentKeyOf(inputs({ command: 'true', metrics: 'm.jsonl' })), 'repro');
  // A matrix that names each entry's check (its required status) gets one comment per entry from that one setting.
  assert.equal(
    commentKeyOf(inputs({ command: 'true', metrics: 'm.jsonl', 'check-name': 'repro-check-a100' })),
    'repro-check-a100',
  );
  assert.equal(
    commentKeyOf(
      inputs({ command: 'true', metrics: 'm.jsonl', 'check-name': 'repro-check-a100', 'comment-key': 'gpu=a100' }),
    ),
    'gpu=a100',
  );
  assert.equal(commentKeyOf(fromFile('command: "true"\nmetrics: m.jsonl\ncheck-name: nightly\n')), 'nightly');
  // check-name set to the default's own text is still set: it names the comment.
  assert.equal(
    commentKeyOf(inputs({ command: 'true', metrics: 'm.jsonl', 'check-name': DEFAULT_CHECK_NAME })),
    DEFAULT_CHECK_NAME,
  );
});

test('a comment-key without a check-name is flagged: matrix entries would share one status context', () => {
  const shares = (values: Record<string, string>) =>
    publishPlanOf(inputs({ command: 'x', metrics: 'm', ...values }).config, 'j').sharesStatusContext;
  assert.equal(shares({ 'comment-key': 'gpu=a100' }), true);
  assert.equal(shares({ 'comment-key': 'gpu=a100', 'check-name': 'repro-check-a100' }), false);
  assert.equal(shares({ 'check-name': 'repro-check-a100' }), false);
  assert.equal(shares({}), false);
  const { checkName } = publishPlanOf(inputs({ command: 'x', metrics: 'm', 'check-name': 'nightly' }).config, 'j');
  assert.equal(checkName, 'nightly');
});
