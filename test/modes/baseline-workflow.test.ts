import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { findBaselineWorkflow, readBaselineWorkflow } from '../../src/modes/baseline-workflow.ts';
import { nextSteps } from '../../src/report/next-steps.ts';

test("this repository's example workflows: the baseline update is found by what it runs, named as the Actions tab lists it", async () => {
  const found = await readBaselineWorkflow(path.resolve('.'));
  assert.deepEqual(found, { name: 'repro-check baseline update', file: 'example-baseline-update.yml' });
  const [, rerecord] = nextSteps({
    outcome: 'drift',
    nextSteps: {
      where: 'pull-request',
      acceptLabel: 'x',
      baselinePath: '.repro/baseline.json',
      configPath: null,
      baselineWorkflow: found,
    },
  });
  assert.match(
    rerecord!,
    /start the workflow “repro-check baseline update” on the default branch \(Actions tab, or `gh workflow run example-baseline-update\.yml`\)/,
  );
});

test('only a workflow started by hand that runs repro-check with mode: baseline counts; broken YAML is passed over', () => {
  const step = (mode: string) =>
    `jobs:\n  a:\n    steps:\n      - uses: repro-check/repro-check@v1\n        with:\n          mode: ${mode}\n`;
  assert.equal(
    findBaselineWorkflow([{ file: 'gate.yml', text: `on: pull_request\n${step('baseline')}` }]),
    null,
    'not dispatchable',
  );
  assert.equal(
    findBaselineWorkflow([{ file: 'gate.yml', text: `on: [workflow_dispatch]\n${step('check')}` }]),
    null,
    'not a baseline update',
  );
  assert.deepEqual(
    findBaselineWorkflow([
      { file: 'a.yml', text: 'on: [\n' },
      { file: 'b.yml', text: `on: [workflow_dispatch, push]\n${step('baseline')}` },
    ]),
    { name: 'b.yml', file: 'b.yml' },
  );
});
