import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../src/modes/check.ts';
import { loadSettings } from '../../src/settings/load.ts';
import { streamLogger } from '../../src/log.ts';
import { createProject, git, REPRO_YML, TRAIN_SCRIPT } from './project-fixture.ts';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

test('in a pull request the baseline and tolerance come from the base commit: a PR cannot loosen its own gate', async () => {
  const project = await createProject({ 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': REPRO_YML });
  try {
    assert.equal((await project.cli(['baseline', 'update'])).code, 0);
    project.commit('baseline');
    const baseSha = git(project.dir, 'rev-parse', 'HEAD').trim();
    git(project.dir, 'checkout', '-q', '-b', 'feature');
    // The PR changes the training, loosens the tolerance, and re-records the baseline from its own run.
    await project.write('train.mjs', TRAIN_SCRIPT(0.55));
    await project.write('repro.yml', `${REPRO_YML}tolerance: { rtol: 1.0e-9 }\n`);
    project.commit('faster');
    assert.equal((await project.cli(['baseline', 'update'])).code, 0);
    project.commit('re-record the baseline');
    await project.write('repro.yml', `${REPRO_YML}tolerance: { rtol: 0.5 }\n`);
    project.commit('loosen');
    const headSha = git(project.dir, 'rev-parse', 'HEAD').trim();
    // What actions/checkout leaves on pull_request: the merge of head into base, detached.
    git(project.dir, 'checkout', '-q', '--detach', baseSha);
    git(project.dir, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', headSha);

    let log = '';
    const configPath = path.join(project.dir, 'repro.yml');
    const settings = loadSettings({
      file: { path: 'repro.yml', text: await readFile(configPath, 'utf8') },
      overrides: [],
    });
    const result = await runCheck(
      { settings, configPath, onMissingBaseline: 'fail' },
      {
        cwd: project.dir,
        env: { PATH: process.env.PATH },
        log: streamLogger((t) => (log += t)),
        trainingOutput: { begin: () => undefined, line: () => undefined, end: () => undefined },
        pullRequest: { headSha, baseSha, number: 7, headRef: 'feature/lr' },
        now: () => new Date(),
      },
    );
    assert.equal(result.outcome, 'drift', result.markdown);
    assert.equal(
      result.trained.record.provenance.commit,
      headSha,
      'recorded against the PR head, not the merge commit',
    );
    assert.equal(
      result.trained.record.provenance.ref,
      'refs/heads/feature/lr',
      'the PR head branch, not the detached merge checkout (null)',
    );
    assert.match(result.markdown, /rtol 0\.00001, atol 1e-8 — from repro\.yml at base commit/);
    assert.match(
      result.markdown,
      /This pull request changes `tolerance`; the base commit's values apply here and the new ones after merge/,
    );
    assert.match(result.markdown, /\.repro\/baseline\.json at base commit/);
    assert.match(log, /warning: This pull request changes tolerance/);
  } finally {
    await project.cleanup();
  }
});

test('in a pull request, tolerance keys given as inputs apply as given (the workflow sets them), and the report says so', async () => {
  const project = await createProject({ 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': REPRO_YML });
  try {
    assert.equal((await project.cli(['baseline', 'update'])).code, 0);
    project.commit('baseline');
    const baseSha = git(project.dir, 'rev-parse', 'HEAD').trim();
    git(project.dir, 'checkout', '-q', '-b', 'feature');
    await project.write('train.mjs', TRAIN_SCRIPT(0.55));
    // The PR's own repro.yml tries to drop the loss from the comparison.
    await project.write('repro.yml', `${REPRO_YML}ignore-metrics: [train.loss]\n`);
    project.commit('faster, and ignore the loss');
    const headSha = git(project.dir, 'rev-parse', 'HEAD').trim();
    git(project.dir, 'checkout', '-q', '--detach', baseSha);
    git(project.dir, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', headSha);

    const check = async (settings: ReturnType<typeof loadSettings>, configPath: string | null) =>
      runCheck(
        { settings, configPath, onMissingBaseline: 'fail' },
        {
          cwd: project.dir,
          env: { PATH: process.env.PATH },
          log: streamLogger(() => undefined),
          trainingOutput: { begin: () => undefined, line: () => undefined, end: () => undefined },
          pullRequest: { headSha, baseSha, number: 8 },
          now: () => new Date(),
        },
      );
    const looseInput = { key: 'tolerance', value: '{ rtol: 0.5 }', origin: 'input "tolerance"' };

    // A config file and a `tolerance` input: the input's value applies; the file's keys come from the base commit.
    const configPath = path.join(project.dir, 'repro.yml');
    const withFile = await check(
      loadSettings({ file: { path: 'repro.yml', text: await readFile(configPath, 'utf8') }, overrides: [looseInput] }),
      configPath,
    );
    assert.equal(withFile.outcome, 'pass', withFile.markdown);
    assert.ok(
      withFile.verdict!.metrics.some((m) => m.name === 'train.loss'),
      "the base commit's ignore-metrics apply, not the PR's",
    );
    assert.match(withFile.markdown, /rtol 0\.5, atol 1e-8 — from tolerance in input "tolerance"/);
    assert.match(
      withFile.markdown,
      /`tolerance` \(input "tolerance"\): given explicitly, so this run's value applies, not the base commit's repro\.yml/,
    );
    assert.match(withFile.markdown, /This pull request changes `ignore-metrics`/);
    assert.doesNotMatch(withFile.markdown, /This pull request changes `tolerance`/);

    // No config file at all: every key is this run's, and the report says why.
    const trainingInputs = [
      { key: 'command', value: 'node train.mjs', origin: 'input "command"' },
      { key: 'metrics', value: '{out}/metrics.jsonl', origin: 'input "metrics"' },
      { key: 'seed', value: '7', origin: 'input "seed"' },
    ];
    const noFile = await check(loadSettings({ file: null, overrides: [...trainingInputs, looseInput] }), null);
    assert.equal(noFile.outcome, 'pass', noFile.markdown);
    assert.match(noFile.markdown, /rtol 0\.5, atol 1e-8 — from tolerance in input "tolerance"/);
    assert.match(
      noFile.markdown,
      /There is no config file, so the tolerance keys come from this run's inputs and the defaults/,
    );
    // Held to the defaults, the same run drifts: the input was what let it pass.
    const strict = await check(loadSettings({ file: null, overrides: trainingInputs }), null);
    assert.equal(strict.outcome, 'drift');
  } finally {
    await project.cleanup();
  }
});
