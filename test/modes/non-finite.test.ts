import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { createProject } from './project-fixture.ts';

/** A `command:` training whose loss becomes NaN from step DIVERGE_AT on (0: never), as json.dumps writes it. */
const TRAIN = (divergeAt: number) => `import { writeFileSync } from 'node:fs';
const lines = [];
for (let step = 1; step <= 12; step++) {
  const loss = ${divergeAt} > 0 && step >= ${divergeAt} ? 'NaN' : String(1 / step);
  lines.push('{"step": ' + step + ', "train": {"loss": ' + loss + '}, "lr": 0.1}');
}
writeFileSync(process.env.REPRO_OUT_DIR + '/metrics.jsonl', lines.join('\\n') + '\\n');
`;
const REPRO = 'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 1\ntimeout-minutes: 1\n';

test('baseline update refuses a command run whose loss became NaN, naming metric and step, unless allow-non-finite names it', async () => {
  const project = await createProject({ 'train.mjs': TRAIN(8), 'repro.yml': REPRO });
  try {
    const refused = await project.cli(['baseline', 'update']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /`train\.loss` is NaN at step 8/);
    assert.match(refused.stderr, /allow-non-finite/);
    await assert.rejects(access(path.join(project.dir, '.repro/baseline.json')), 'no baseline is written');
    await project.write('repro.yml', `${REPRO}allow-non-finite: ["train.*"]\n`);
    project.commit('NaN is expected here');
    const allowed = await project.cli(['baseline', 'update']);
    assert.equal(allowed.code, 0, allowed.stderr);
  } finally {
    await project.cleanup();
  }
});

test('check names the divergence in the headline, shows NaN in the diff columns and marks the step in the chart', async () => {
  const project = await createProject({ 'train.mjs': TRAIN(0), 'repro.yml': REPRO });
  try {
    assert.equal((await project.cli(['baseline', 'update'])).code, 0);
    project.commit('baseline');
    await project.write('train.mjs', TRAIN(8));
    project.commit('diverge');
    const check = await project.cli(['check']);
    assert.equal(check.code, 1, check.stderr);
    assert.match(
      check.stdout,
      /## ❌ repro-check: drift in 1 of 2 metrics — diverged: `train\.loss` became NaN at step 8/,
    );
    const row = check.stdout.split('\n').find((line) => line.startsWith('| train.loss'))!;
    assert.match(row, /\| NaN \| NaN \| 8 \| 8 \|/, row);
    const chart = check.stdout.slice(check.stdout.indexOf('```mermaid'));
    assert.match(chart, /x-axis "step[^"]*" \[.*"▲?8 ⚠ NaN"\]/);
    assert.match(chart, /NaN at step 8 \(marked ⚠\)/);
    const json = JSON.parse((await project.cli(['check', '--format', 'json'])).stdout);
    const loss = json.metrics.find((m: { name: string }) => m.name === 'train.loss');
    assert.deepEqual(loss.becameNonFinite, { step: 8, value: 'NaN' });
    assert.deepEqual([loss.maxAbsDiff, loss.maxRelDiff], ['NaN', 'NaN']);
  } finally {
    await project.cleanup();
  }
});
