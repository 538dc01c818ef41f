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
import { PUBLISH_OUTCOMES } from '../../src/github/publish.ts';
import { ACTION_MANIFEST, PACKAGE_ROOT } from './action-harness.ts';

/** Inputs of the action itself, not settings of repro.yml. */
const ACTION_ONLY_INPUTS = ['config', 'mode', 'records', 'record-artifacts', 'github-token', 'baseline-token'];

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
  const withDefaults = Object.entries(ACTION_MANIFEST.inputs)
    .filter(([, input]) => input.default !== undefined)
    .map(([name]) => name);
  assert.deepEqual(withDefaults, ['github-token']);
});

test('the status output lists every value the action sets it to', () => {
  const description = ACTION_MANIFEST.outputs['status']!.description;
  const listed = PUBLISH_OUTCOMES.filter((outcome) =>
    new RegExp(`(^|[\\s,(])${outcome}([\\s,.)]|$)`).test(description),
  );
  assert.deepEqual(listed, [...PUBLISH_OUTCOMES], description);
});

test('the outputs the action sets are the ones action.yml declares', async () => {
  // Every setOutput call names a literal output (a computed name would escape this check).
  const { readdir, readFile } = await import('node:fs/promises');
  // The mode handlers sit in src/action/modes/: every file below src/action.
  const sources = (await readdir(path.join(PACKAGE_ROOT, 'src/action'), { recursive: true })).filter((file) =>
    file.endsWith('.ts'),
  );
  assert.ok(sources.includes(path.join('modes', 'check.ts')));
  const set = new Set<string>();
  for (const file of sources) {
    const text = await readFile(path.join(PACKAGE_ROOT, 'src/action', file), 'utf8');
    for (const call of text.matchAll(/setOutput\(([^,]+),/g)) {
      assert.match(call[1]!, /^'[a-z-]+'$/, `${file}: setOutput with a computed name`);
      set.add(call[1]!.slice(1, -1));
    }
  }
  assert.deepEqual([...set].sort(), Object.keys(ACTION_MANIFEST.outputs).sort());
});
