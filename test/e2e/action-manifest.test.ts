/**
 * action.yml as the runner reads it: valid YAML, the committed bundle as its entry, and an input
 * for every setting (the runner warns about and drops inputs a workflow passes that it does not
 * declare).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { configKeys } from '../../src/settings/schema.ts';
import { ACTION_MANIFEST, PACKAGE_ROOT } from './action-harness.ts';

/** Inputs of the action itself, not settings of repro.yml. */
const ACTION_ONLY_INPUTS = ['config', 'mode', 'github-token', 'baseline-token'];

test('action.yml runs the committed bundle on node24', async () => {
  assert.equal(ACTION_MANIFEST.runs.using, 'node24');
  assert.equal(ACTION_MANIFEST.runs.main, 'dist/action.js');
  await access(path.join(PACKAGE_ROOT, ACTION_MANIFEST.runs.main));
});

test('action.yml declares an input for every setting, and no other input', () => {
  const inputs = Object.keys(ACTION_MANIFEST.inputs).sort();
  assert.deepEqual(inputs, [...configKeys(), ...ACTION_ONLY_INPUTS].sort());
});

test('only github-token has a default, so the inputs left out do not override repro.yml', () => {
  const withDefaults = Object.entries(ACTION_MANIFEST.inputs).filter(([, input]) => input.default !== undefined).map(([name]) => name);
  assert.deepEqual(withDefaults, ['github-token']);
});
