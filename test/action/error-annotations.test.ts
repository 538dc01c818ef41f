import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorAnnotations } from '../../src/action/error-annotations.ts';
import { InputFileError, ReproError } from '../../src/errors.ts';
import { loadSettings, SettingsError } from '../../src/settings/load.ts';

function settingsError(
  text: string,
  overrides: Array<{ key: string; value: string; origin: string }> = [],
): SettingsError {
  try {
    loadSettings({ file: { path: 'ml/repro.yml', text }, overrides });
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

test('each settings problem on a line of the config file becomes an annotation there; problems with inputs do not', () => {
  const error = settingsError(
    'command: python train.py\nmetrics: out/m.jsonl\nseed: many\ntoleranse: { rtol: 1e-3 }\n',
    [{ key: 'timeout-minutes', value: 'soon', origin: 'input "timeout-minutes"' }],
  );
  const annotations = errorAnnotations(error, '/work/repo');
  assert.deepEqual(
    annotations.map((a) => [a.file, a.line]),
    [
      ['ml/repro.yml', 3],
      ['ml/repro.yml', 4],
    ],
    JSON.stringify(error.problems),
  );
  assert.match(annotations[1]!.message, /toleranse.*did you mean "tolerance"/);
  assert.ok(
    error.problems.some((p) => p.startsWith('input "timeout-minutes"')),
    'the input problem is still in the error',
  );
});

test('a bad file inside the workspace is annotated (with its line when known); files outside it and other errors are not', () => {
  assert.deepEqual(
    errorAnnotations(new InputFileError('/work/repo/logs/metrics.jsonl', 12, 'not valid JSON'), '/work/repo'),
    [{ file: 'logs/metrics.jsonl', line: 12, message: 'not valid JSON' }],
  );
  assert.deepEqual(
    errorAnnotations(new InputFileError('.repro/baseline.json', undefined, 'schemaVersion 9 is newer'), '/work/repo'),
    [{ file: '.repro/baseline.json', message: 'schemaVersion 9 is newer' }],
  );
  assert.deepEqual(
    errorAnnotations(new InputFileError('/runner/_temp/event.json', undefined, 'not JSON'), '/work/repo'),
    [],
  );
  assert.deepEqual(errorAnnotations(new InputFileError('/work/repository-two/x.jsonl', 1, 'bad'), '/work/repo'), []);
  assert.deepEqual(errorAnnotations(new ReproError('dirty tree'), '/work/repo'), []);
  assert.deepEqual(errorAnnotations(new Error('bug'), '/work/repo'), []);
});
