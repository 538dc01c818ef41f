import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ReproError } from '../../src/errors.ts';
import { readConfigFile } from '../../src/settings/config-file.ts';

test('the settings file is read as named, with where it is', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'config-file-'));
  await writeFile(path.join(dir, 'repro.yml'), 'seed: 3\n');
  const file = await readConfigFile({ dir, name: 'repro.yml', given: false, label: '--config repro.yml' });
  assert.deepEqual(file, { path: 'repro.yml', absolutePath: path.join(dir, 'repro.yml'), text: 'seed: 3\n' });
});

test('a default file that does not exist is no file; a named one is an error naming it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'config-file-'));
  assert.equal(await readConfigFile({ dir, name: 'repro.yml', given: false, label: '--config repro.yml' }), null);
  await assert.rejects(
    readConfigFile({ dir, name: 'ci/repro.yml', given: true, label: '--config ci/repro.yml', showAbsolute: true }),
    (error: unknown) =>
      error instanceof ReproError &&
      error.message === `--config ci/repro.yml: cannot read ${path.join(dir, 'ci', 'repro.yml')} (ENOENT)`,
  );
  await assert.rejects(
    readConfigFile({ dir, name: 'ci/repro.yml', given: true, label: 'input "config"', hint: 'Give the path.' }),
    (error: unknown) =>
      error instanceof ReproError &&
      error.message === 'input "config": cannot read ci/repro.yml (ENOENT)' &&
      error.hint === 'Give the path.',
  );
});

test('a default name that is a folder is an error, not a missing file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'config-file-'));
  await mkdir(path.join(dir, 'repro.yml'));
  await assert.rejects(
    readConfigFile({ dir, name: 'repro.yml', given: false, label: '--config repro.yml' }),
    /--config repro.yml: cannot read repro.yml \(EISDIR\)/,
  );
});
