import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  chooseInterpreter,
  cpuFlagsFromCpuinfo,
  numericsEnvironment,
  probePython,
} from '../../src/env/python-probe.ts';
import { collectEnvironment, execText } from '../../src/env/fingerprint.ts';
import { diffEnvironments } from '../../src/env/environment-diff.ts';
import type { EnvironmentFingerprint } from '../../src/record/types.ts';

const DEBIAN_PYTHON = '/usr/bin/python3';
const hasTorch =
  existsSync(DEBIAN_PYTHON) &&
  (() => {
    try {
      execFileSync(DEBIAN_PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

test('the interpreter: the first word of command when it is a Python, else the python setting, else python3 on PATH', () => {
  assert.deepEqual(chooseInterpreter('python train.py --steps 5', undefined), {
    command: 'python',
    chosenBy: 'command',
  });
  assert.deepEqual(chooseInterpreter('OMP_NUM_THREADS=1 .venv/bin/python3.11 -m train', '/opt/py'), {
    command: '.venv/bin/python3.11',
    chosenBy: 'command',
  });
  assert.deepEqual(chooseInterpreter('env CUDA_VISIBLE_DEVICES=0 /usr/bin/python3 t.py', undefined), {
    command: '/usr/bin/python3',
    chosenBy: 'command',
  });
  assert.deepEqual(chooseInterpreter('bash run.sh', '/opt/conda/bin/python'), {
    command: '/opt/conda/bin/python',
    chosenBy: 'python setting',
  });
  assert.deepEqual(chooseInterpreter('pythonic-tool run', undefined), { command: 'python3', chosenBy: 'PATH' });
  assert.deepEqual(chooseInterpreter(undefined, undefined), { command: 'python3', chosenBy: 'PATH' });
});

test(
  'the probe reads torch, numpy and the installed distributions from the interpreter the command runs',
  { skip: hasTorch ? false : `${DEBIAN_PYTHON} with torch is not installed here` },
  async () => {
    const facts = await probePython(
      { command: DEBIAN_PYTHON, chosenBy: 'command' },
      { cwd: os.tmpdir(), env: { PATH: process.env.PATH } },
    );
    assert.equal(facts.problem, null);
    assert.equal(facts.executable, DEBIAN_PYTHON);
    const torchVersion = execFileSync(DEBIAN_PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
    }).trim();
    assert.equal(facts.frameworks['torch.version'], torchVersion);
    assert.equal(facts.frameworks['torch.backends.cudnn.benchmark'], 'False');
    assert.equal(facts.frameworks['torch.deterministic_algorithms'], 'False');
    assert.ok(facts.frameworks['torch.cuda'] !== undefined);
    assert.match(facts.frameworks['numpy.version'] ?? '', /^\d+\.\d+/);
    assert.ok(facts.frameworks['numpy.blas'], 'numpy names its BLAS');
    assert.equal(facts.frameworks['jax.version'], 'not installed');
    assert.equal(facts.frameworks['tensorflow.version'], 'not installed');
    assert.equal(facts.packages['numpy'], facts.frameworks['numpy.version']);
  },
);

test('a missing interpreter, one that is not Python, and one that hangs are facts, not errors', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-probe-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const missing = await probePython(
    { command: 'python-surely-missing', chosenBy: 'python setting' },
    { cwd: dir, env: { PATH: process.env.PATH } },
  );
  assert.deepEqual([missing.found, missing.version, missing.problem], [false, null, 'python-surely-missing not found']);
  const notPython = await probePython(
    { command: 'true', chosenBy: 'python setting' },
    { cwd: dir, env: { PATH: process.env.PATH } },
  );
  assert.match(notPython.problem!, /without the probe's answer/);
  await writeFile(path.join(dir, 'python'), '#!/bin/sh\nsleep 30\n');
  await chmod(path.join(dir, 'python'), 0o755);
  const started = Date.now();
  const hung = await probePython(
    { command: './python', chosenBy: 'command' },
    { cwd: dir, env: { PATH: process.env.PATH }, timeoutMs: 500 },
  );
  assert.match(hung.problem!, /did not answer within 1 s|did not answer within 0 s/);
  assert.ok(Date.now() - started < 10_000, 'bounded');
  // In a fingerprint: python null, the reason kept, nothing thrown.
  const fingerprint = await collectEnvironment({
    cwd: dir,
    fingerprintPaths: [],
    env: {},
    exec: execText,
    interpreter: { command: 'python-surely-missing', chosenBy: 'python setting' },
    cpuinfo: null,
  });
  assert.equal(fingerprint.python, null);
  assert.deepEqual(fingerprint.interpreter, {
    command: 'python-surely-missing',
    chosenBy: 'python setting',
    executable: null,
    problem: 'python-surely-missing not found',
  });
});

test('numerics variables and CPU instruction sets are picked out', () => {
  assert.deepEqual(
    numericsEnvironment({
      OMP_NUM_THREADS: '4',
      MKL_CBWR: 'AVX2',
      CUBLAS_WORKSPACE_CONFIG: ':4096:8',
      NVIDIA_TF32_OVERRIDE: '0',
      TORCH_ALLOW_TF32_CUBLAS_OVERRIDE: '1',
      XLA_FLAGS: '--xla_gpu_deterministic_ops',
      HOME: '/root',
      PYTHONHASHSEED: '7',
    }),
    {
      CUBLAS_WORKSPACE_CONFIG: ':4096:8',
      MKL_CBWR: 'AVX2',
      NVIDIA_TF32_OVERRIDE: '0',
      OMP_NUM_THREADS: '4',
      TORCH_ALLOW_TF32_CUBLAS_OVERRIDE: '1',
      XLA_FLAGS: '--xla_gpu_deterministic_ops',
    },
  );
  assert.deepEqual(
    cpuFlagsFromCpuinfo('processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_bf16 amx_tile ht\n'),
    ['amx_tile', 'avx', 'avx2', 'avx512_bf16', 'avx512f', 'fma', 'sse4_2'],
  );
  assert.deepEqual(cpuFlagsFromCpuinfo('Features\t: fp asimd asimddp sve\n'), ['asimd', 'asimddp', 'sve']);
});

const base: EnvironmentFingerprint = {
  os: { platform: 'linux', release: '6.1', arch: 'x64' },
  cpu: { model: 'Xeon', cores: 8, flags: ['avx2', 'avx512f'] },
  node: 'v20.1.0',
  python: '3.11.2',
  interpreter: { command: 'python', chosenBy: 'command', executable: '/venv/bin/python', problem: null },
  frameworks: { 'torch.version': '2.3.1', 'numpy.blas': 'openblas 0.3.27' },
  packages: { torch: '2.3.1', numpy: '1.26.4', requests: '2.31.0' },
  numericsEnv: { OMP_NUM_THREADS: '4' },
  gpu: null,
  files: { 'uv.lock': 'a'.repeat(64) },
  extra: {},
};

test('environment differences: package versions as a diff, numerics first; an older record without the probe is still compared', () => {
  const current: EnvironmentFingerprint = {
    ...base,
    cpu: { ...base.cpu, flags: ['avx2'] },
    frameworks: { 'torch.version': '2.4.0', 'numpy.blas': 'openblas 0.3.21' },
    packages: { torch: '2.4.0', numpy: '1.26.4', requests: '2.32.0', rich: '13.0.0' },
    numericsEnv: {},
    files: { 'uv.lock': 'b'.repeat(64) },
  };
  const differences = diffEnvironments(base, current);
  assert.deepEqual(
    differences.map((d) => `${d.numerics ? '!' : ' '} ${d.key}: ${d.baseline} → ${d.current}`),
    [
      '! cpu.flags: avx2 avx512f → avx2',
      '! env.OMP_NUM_THREADS: 4 → (absent)',
      '! framework numpy.blas: openblas 0.3.27 → openblas 0.3.21',
      '! framework torch.version: 2.3.1 → 2.4.0',
      '! package torch: 2.3.1 → 2.4.0',
      `  files.uv.lock: ${'a'.repeat(12)} → ${'b'.repeat(12)}`,
      '  package requests: 2.31.0 → 2.32.0',
      '  package rich: (absent) → 13.0.0',
    ],
  );
  // A record written before the probe: only what both have is compared, nothing reads as removed.
  const { interpreter: _i, frameworks: _f, packages: _p, numericsEnv: _n, ...rest } = base;
  const old: EnvironmentFingerprint = { ...rest, cpu: { model: 'Xeon', cores: 8 } };
  assert.deepEqual(diffEnvironments(old, base), []);
});
