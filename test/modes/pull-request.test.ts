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
    const settings = loadSettings({ file: { path: 'repro.yml', text: await readFile(configPath, 'utf8') }, overrides: [] });
    const result = await runCheck(
      { settings, configPath, onMissingBaseline: 'fail' },
      { cwd: project.dir, env: { PATH: process.env.PATH }, log: streamLogger((t) => (log += t)), trainingOutput: { line: () => undefined, end: () => undefined }, pullRequest: { headSha, baseSha, number: 7, headRef: 'feature/lr' }, now: () => new Date() },
    );
    assert.equal(result.outcome, 'drift', result.markdown);
    assert.equal(result.trained.record.provenance.commit, headSha, 'recorded against the PR head, not the merge commit');
    assert.equal(result.trained.record.provenance.ref, 'refs/heads/feature/lr', 'the PR head branch, not the detached merge checkout (null)');
    assert.match(result.markdown, /rtol 0\.00001, atol 1e-8 — from repro\.yml at base commit/);
    assert.match(result.markdown, /This pull request changes `tolerance`; the base commit's values apply here and the new ones after merge/);
    assert.match(result.markdown, /\.repro\/baseline\.json at base commit/);
    assert.match(log, /warning: This pull request changes tolerance/);
  } finally {
    await project.cleanup();
  }
});
