import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { withTemp, writeSafetensors, f32 } from './helpers.ts';

const CLI = path.resolve('dist/cli.js');
const bundleSkip = existsSync(CLI) ? false : 'dist/cli.js is missing (npm run build)';
const fixtures = path.resolve('test/fixtures/safetensors');

test('the bundled CLI runs fingerprint, diff-weights and merge as users run it', { skip: bundleSkip }, async () => {
  await withTemp(async (dir) => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    const fingerprint = run('fingerprint', path.join(fixtures, 'cnn_nondet_s0_a.safetensors'), '--format', 'json');
    assert.equal(fingerprint.status, 0, fingerprint.stderr);
    assert.equal(JSON.parse(fingerprint.stdout).tensors.length, 11);
    const diff = run(
      'diff-weights',
      path.join(fixtures, 'cnn_nondet_s0_a.safetensors'),
      path.join(fixtures, 'cnn_nondet_s0_b.safetensors'),
    );
    assert.equal(diff.status, 1);
    assert.match(diff.stdout, /10 of 11 tensors differ/);
    await writeSafetensors(path.join(dir, 'ckpt-1.safetensors'), [f32('w', [1, 2])]);
    await writeSafetensors(path.join(dir, 'ckpt-2.safetensors'), [f32('w', [3, 4])]);
    const merge = run('merge', '--method', 'sma', '-o', 'avg.safetensors', 'ckpt-1.safetensors', 'ckpt-2.safetensors');
    assert.equal(merge.status, 0, merge.stderr);
    const same = run('diff-weights', 'avg.safetensors', 'avg.safetensors', '--format', 'json');
    assert.equal(JSON.parse(same.stdout).status, 'identical');
    const pickle = run('fingerprint', 'model.pt');
    assert.equal(pickle.status, 2);
    assert.doesNotMatch(pickle.stderr, /\n\s+at /, 'no stack trace');
  });
});
