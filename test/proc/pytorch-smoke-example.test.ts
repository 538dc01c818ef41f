import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject } from '../modes/project-fixture.ts';

// examples/pytorch-smoke as a user runs it: its repro.yml and train.py at the same paths in a
// fresh repository, trained twice through the CLI's `run` with Debian's PyTorch on the CPU.
const example = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples/pytorch-smoke');
const torchSkip =
  spawnSync('/usr/bin/python3', ['-c', 'import numpy, torch']).status === 0
    ? false
    : '/usr/bin/python3 cannot import torch and numpy (apt install python3-torch python3-numpy)';

test(
  'examples/pytorch-smoke trains on the CPU and two runs give bit-identical metric series',
  { skip: torchSkip },
  async () => {
    const files: Record<string, string> = {};
    for (const name of ['repro.yml', 'train.py'])
      files[`examples/pytorch-smoke/${name}`] = await readFile(path.join(example, name), 'utf8');
    const project = await createProject(files);
    const records = await mkdtemp(path.join(os.tmpdir(), 'pytorch-smoke-records-'));
    try {
      const runOnce = async (name: string) => {
        const out = path.join(records, name);
        const run = await project.cli(['run', '--config', 'examples/pytorch-smoke/repro.yml', '--out', out]);
        assert.equal(run.code, 0, run.stderr);
        return { stderr: run.stderr, record: JSON.parse(await readFile(out, 'utf8')) };
      };
      const first = await runOnce('first.json');
      const second = await runOnce('second.json');

      // No GPU here: the script says so before training, and names the device it used.
      assert.match(first.stderr, /CUDA is not available \(torch [^)]+\): training on the CPU/);
      assert.match(first.stderr, /trained 100 steps on cpu \(torch [^)]+\), seed 1234/);
      const metrics = first.record.metrics as {
        series: Record<string, { steps: number[] }>;
        finals: Record<string, number>;
      };
      assert.deepEqual(Object.keys(metrics.series).sort(), ['eval.accuracy', 'eval.loss', 'train.loss']);
      assert.equal(metrics.series['train.loss']!.steps.length, 100);
      assert.deepEqual(metrics.series['eval.loss']!.steps, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
      assert.deepEqual(Object.keys(metrics.finals), ['accuracy']);
      // Records hold every double in its shortest round-trip form: equal JSON is equal bits.
      assert.deepEqual(second.record.metrics, first.record.metrics);
    } finally {
      await project.cleanup();
      await rm(records, { recursive: true, force: true });
    }
  },
);
