import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSettings, SettingsError } from '../../src/settings/load.ts';

function problemsOf(text: string): string[] {
  try {
    loadSettings({ file: { path: 'repro.yml', text }, overrides: [] });
  } catch (error) {
    assert.ok(error instanceof SettingsError, String(error));
    return error.problems;
  }
  assert.fail('the settings were accepted');
}

test("a key given twice is named with both lines (found in one pass, not by yaml's quadratic check)", () => {
  assert.deepEqual(problemsOf('command: a\nmetrics: m\nseed: 1\ntolerance:\n  rtol: 1\n  rtol: 2\nseed: 2\n'), [
    'repro.yml:6: key "rtol" appears again (first on line 5); give each key once',
    'repro.yml:7: key "seed" appears again (first on line 3); give each key once',
  ]);
});

test('20,000 unknown keys: the first 20 are worded with their lines, the rest counted, and the message stays one screen', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `unknown${i}: 1`);
  const problems = problemsOf(`command: a\nmetrics: m\n${keys.join('\n')}\n`);
  assert.equal(problems.length, 21);
  assert.match(problems[0]!, /^repro\.yml:3: unknown key "unknown0"; accepted: command, /);
  assert.match(problems[19]!, /^repro\.yml:22: unknown key "unknown19"/);
  assert.equal(problems[20], '19980 more unknown keys');
  try {
    loadSettings({ file: { path: 'repro.yml', text: `command: a\nmetrics: m\n${keys.join('\n')}\n` }, overrides: [] });
  } catch (error) {
    assert.ok((error as Error).message.split('\n').length < 30);
  }
});
