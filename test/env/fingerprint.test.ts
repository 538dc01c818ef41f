import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import { collectEnvironment, execText, hashPath, type ExecText } from '../../src/env/fingerprint.ts';
import { diffEnvironments } from '../../src/env/environment-diff.ts';
import { NVIDIA_SMI_QUERY } from '../../src/env/nvidia-smi.ts';
import type { PythonRunner } from '../../src/env/python-probe.ts';

/** Two H100s as `nvidia-smi --query-gpu=index,name,uuid,memory.total,driver_version --format=csv,noheader,nounits` prints them. */
const QUERY_OUTPUT = `0, NVIDIA H100 80GB HBM3, GPU-5f3c9b2e-8a41-4d7e-b0c2-91e6f4a7d803, 81559, 550.54.15
1, NVIDIA H100 80GB HBM3, GPU-a1d7e4c0-2b6f-4a93-8e15-7c0b9d3f2e61, 81559, 550.54.15
`;
const HEADER_OUTPUT = `Tue Apr  9 10:12:44 2024
+-----------------------------------------------------------------------------------------+
| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |
|-----------------------------------------+------------------------+----------------------+
| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |
| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |
|=========================================+========================+======================|
|   0  NVIDIA H100 80GB HBM3          On  |   00000000:19:00.0 Off |                    0 |
| N/A   31C    P0             71W /  700W |       1MiB /  81559MiB |      0%      Default |
+-----------------------------------------+------------------------+----------------------+
`;

function fakeExec(options: { gpus?: boolean; python?: string | null } = {}): ExecText {
  return async (file, args) => {
    if (file === 'nvidia-smi' && options.gpus !== false) {
      if (args.join(' ') === NVIDIA_SMI_QUERY.join(' ')) return { exitCode: 0, stdout: QUERY_OUTPUT };
      if (args.length === 0) return { exitCode: 0, stdout: HEADER_OUTPUT };
    }
    return { exitCode: 127, stdout: '' };
  };
}

/** A probe answer as src/env/python-probe-script.ts prints it, or exit 127 (no such interpreter). */
function fakePython(
  version: string | null = '3.11.2',
  extra: { frameworks?: Record<string, string>; packages?: Record<string, string> } = {},
): PythonRunner {
  return async (interpreter) =>
    version === null
      ? { exitCode: 127, timedOut: false, stdout: '' }
      : {
          exitCode: 0,
          timedOut: false,
          stdout: JSON.stringify({
            python: version,
            executable: `/usr/bin/${interpreter}`,
            frameworks: extra.frameworks ?? { 'torch.version': 'not installed' },
            packages: extra.packages ?? {},
          }),
        };
}

/** The machine the tests describe: two H100s (unless gpus: false) and a python3 of the given version. */
function machine(options: { gpus?: boolean; python?: string | null } = {}) {
  return {
    exec: fakeExec(options),
    runPython: fakePython(options.python === undefined ? '3.11.2' : options.python),
    cpuinfo: null,
  };
}

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-env-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const H100_0 = {
  index: 0,
  name: 'NVIDIA H100 80GB HBM3',
  uuid: 'GPU-5f3c9b2e-8a41-4d7e-b0c2-91e6f4a7d803',
  memoryMiB: 81559,
};
const H100_1 = {
  index: 1,
  name: 'NVIDIA H100 80GB HBM3',
  uuid: 'GPU-a1d7e4c0-2b6f-4a93-8e15-7c0b9d3f2e61',
  memoryMiB: 81559,
};

async function gpusSeen(cwd: string, cudaVisibleDevices: string | undefined) {
  const env = cudaVisibleDevices === undefined ? {} : { CUDA_VISIBLE_DEVICES: cudaVisibleDevices };
  return (await collectEnvironment({ cwd, fingerprintPaths: [], env, ...machine() })).gpu;
}

test('machine facts: OS, CPU, node, python, driver, CUDA and the visible GPUs', async (t) => {
  const dir = await tempDir(t);
  const fingerprint = await collectEnvironment({ cwd: dir, fingerprintPaths: [], env: {}, ...machine() });
  assert.deepEqual(fingerprint.os, { platform: process.platform, release: os.release(), arch: process.arch });
  assert.equal(fingerprint.cpu.cores, os.cpus().length);
  assert.ok(fingerprint.cpu.model.length > 0);
  assert.equal(fingerprint.node, process.version);
  assert.equal(fingerprint.python, '3.11.2');
  assert.deepEqual(fingerprint.gpu, { driver: '550.54.15', cuda: '12.4', devices: [H100_0, H100_1] });
  assert.deepEqual(fingerprint.files, {});
  assert.deepEqual(fingerprint.extra, {});
});

test('CUDA_VISIBLE_DEVICES: by index, by UUID, by UUID prefix, empty, and cut at the first unknown entry', async (t) => {
  const dir = await tempDir(t);
  assert.deepEqual((await gpusSeen(dir, '1'))?.devices, [H100_1]);
  assert.deepEqual((await gpusSeen(dir, '1,0'))?.devices, [H100_1, H100_0], 'in the order CUDA numbers them');
  assert.deepEqual((await gpusSeen(dir, H100_1.uuid))?.devices, [H100_1]);
  assert.deepEqual((await gpusSeen(dir, 'GPU-5f3c'))?.devices, [H100_0]);
  assert.deepEqual((await gpusSeen(dir, ' GPU-a1d7 , 0 '))?.devices, [H100_1, H100_0]);
  assert.deepEqual(await gpusSeen(dir, ''), { driver: '550.54.15', cuda: '12.4', devices: [] });
  assert.deepEqual((await gpusSeen(dir, '-1'))?.devices, []);
  assert.deepEqual((await gpusSeen(dir, '0,-1,1'))?.devices, [H100_0]);
  assert.deepEqual((await gpusSeen(dir, '0,7,1'))?.devices, [H100_0]);
});

test('no nvidia-smi: gpu null; no python: python null', async (t) => {
  const dir = await tempDir(t);
  const fingerprint = await collectEnvironment({
    cwd: dir,
    fingerprintPaths: [],
    env: {},
    ...machine({ gpus: false, python: null }),
  });
  assert.equal(fingerprint.gpu, null);
  assert.equal(fingerprint.python, null);
});

const LOCK_FILES = [
  'requirements.txt',
  'requirements-dev.txt',
  'poetry.lock',
  'uv.lock',
  'package-lock.json',
  'environment.yml',
];

test('lock files in the working directory are hashed; a changed byte changes the hash; others are not', async (t) => {
  const dir = await tempDir(t);
  for (const name of LOCK_FILES) await writeFile(path.join(dir, name), `contents of ${name}\n`);
  await writeFile(path.join(dir, 'train.py'), 'print(1)\n');
  await writeFile(path.join(dir, 'requirements.in'), 'torch\n');
  await mkdir(path.join(dir, 'uv.lock.d'));
  const before = (await collectEnvironment({ cwd: dir, fingerprintPaths: [], env: {}, ...machine() })).files;
  assert.deepEqual(Object.keys(before).sort(), [...LOCK_FILES].sort());
  // The plain SHA-256 of the bytes, as coreutils' sha256sum computes it.
  assert.equal(
    before['requirements.txt'],
    execFileSync('sha256sum', [path.join(dir, 'requirements.txt')], { encoding: 'utf8' }).split(' ')[0],
  );
  await writeFile(path.join(dir, 'poetry.lock'), 'contents of poetry.lock\r');
  const after = (await collectEnvironment({ cwd: dir, fingerprintPaths: [], env: {}, ...machine() })).files;
  assert.notEqual(after['poetry.lock'], before['poetry.lock']);
  assert.deepEqual({ ...after, 'poetry.lock': before['poetry.lock'] }, before, 'only the changed file changes');
});

test('fingerprint-paths: a file, and a folder hashed over its sorted files with .git skipped', async (t) => {
  const dir = await tempDir(t);
  await mkdir(path.join(dir, 'data/shards/.git'), { recursive: true });
  await writeFile(path.join(dir, 'data/train.parquet'), 'PAR1 rows');
  await writeFile(path.join(dir, 'data/shards/b.bin'), 'bbb');
  await writeFile(path.join(dir, 'data/shards/a.bin'), 'aaa');
  await writeFile(path.join(dir, 'data/shards/.git/HEAD'), 'ref: refs/heads/main\n');
  const collect = async () =>
    (
      await collectEnvironment({
        cwd: dir,
        fingerprintPaths: ['data/train.parquet', 'data/shards'],
        env: {},
        ...machine(),
      })
    ).files;
  const first = await collect();
  assert.deepEqual(Object.keys(first), ['data/train.parquet', 'data/shards']);
  assert.equal(first['data/train.parquet'], await hashPath(path.join(dir, 'data/train.parquet')));

  await writeFile(path.join(dir, 'data/shards/.git/HEAD'), 'ref: refs/heads/other\n');
  assert.deepEqual(await collect(), first, '.git is not part of the data');

  await writeFile(path.join(dir, 'data/shards/a.bin'), 'aab');
  const changed = await collect();
  assert.notEqual(changed['data/shards'], first['data/shards']);
  await writeFile(path.join(dir, 'data/shards/a.bin'), 'aaa');
  assert.deepEqual(await collect(), first, 'the same bytes give the same hash');

  await rename(path.join(dir, 'data/shards/a.bin'), path.join(dir, 'data/shards/c.bin'));
  assert.notEqual((await collect())['data/shards'], first['data/shards'], 'a rename changes the hash');
});

test('a folder hash does not depend on the order files were created in', async (t) => {
  const one = await tempDir(t);
  const two = await tempDir(t);
  for (const name of ['b', 'a', 'c/d', 'C']) {
    await mkdir(path.dirname(path.join(one, name)), { recursive: true });
    await writeFile(path.join(one, name), name);
  }
  for (const name of ['C', 'c/d', 'a', 'b']) {
    await mkdir(path.dirname(path.join(two, name)), { recursive: true });
    await writeFile(path.join(two, name), name);
  }
  assert.equal(await hashPath(one), await hashPath(two));
});

test('symbolic links in a data folder are followed (DVC, git-annex), and a link cycle ends', async (t) => {
  const dir = await tempDir(t);
  await mkdir(path.join(dir, 'cache'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'cache/0a1b'), 'real rows v1');
  await symlink(path.join(dir, 'cache/0a1b'), path.join(dir, 'data/train.csv'));
  await symlink(path.join(dir, 'data'), path.join(dir, 'data/loop'));
  const first = await hashPath(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'cache/0a1b'), 'real rows v2');
  assert.notEqual(await hashPath(path.join(dir, 'data')), first, 'the linked data is hashed');
});

test('a missing fingerprint path is a ReproError naming it', async (t) => {
  const dir = await tempDir(t);
  await assert.rejects(
    collectEnvironment({ cwd: dir, fingerprintPaths: ['data/missing.parquet'], env: {}, ...machine() }),
    (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(error.message, /fingerprint-paths: cannot read "data\/missing\.parquet" \(ENOENT\)/);
      assert.match(error.hint ?? '', /relative to working-directory/);
      return true;
    },
  );
});

test('diffEnvironments lists the differing dotted keys, sorted', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'uv.lock'), 'v1');
  const baseline = await collectEnvironment({ cwd: dir, fingerprintPaths: [], env: {}, ...machine() });
  assert.deepEqual(diffEnvironments(baseline, baseline), []);
  await writeFile(path.join(dir, 'uv.lock'), 'v2');
  await writeFile(path.join(dir, 'requirements.txt'), 'torch==2.3.0');
  const current = {
    ...(await collectEnvironment({
      cwd: dir,
      fingerprintPaths: [],
      env: { CUDA_VISIBLE_DEVICES: '0' },
      ...machine({ python: '3.12.1' }),
    })),
    extra: { 'tfjs.backend': 'cpu' },
  };
  const differences = diffEnvironments(baseline, current);
  // Numerics first (GPU, Python), then the rest.
  assert.deepEqual(
    differences.map((d) => d.key),
    ['env.CUDA_VISIBLE_DEVICES', 'gpu.devices', 'python', 'files.requirements.txt', 'files.uv.lock', 'tfjs.backend'],
  );
  assert.deepEqual(
    differences.find((d) => d.key === 'python'),
    { key: 'python', baseline: '3.11.2', current: '3.12.1', numerics: true },
  );
  assert.equal(differences.find((d) => d.key === 'files.requirements.txt')?.baseline, '(absent)');
  assert.deepEqual(
    differences.find((d) => d.key === 'tfjs.backend'),
    { key: 'tfjs.backend', baseline: '(absent)', current: 'cpu', numerics: false },
  );
  const noGpu = { ...baseline, gpu: null };
  assert.deepEqual(
    diffEnvironments(baseline, noGpu).map((d) => [d.key, d.current]),
    [
      ['gpu.cuda', 'none'],
      ['gpu.devices', 'none'],
      ['gpu.driver', 'none'],
    ],
  );
});

test('execText runs a real binary, and reports a missing one as exit 127 without throwing', async () => {
  const node = await execText(process.execPath, ['--version']);
  assert.deepEqual(node, { exitCode: 0, stdout: `${process.version}\n` });
  assert.deepEqual(await execText('node', ['-e', 'process.exit(3)']), { exitCode: 3, stdout: '' });
  assert.deepEqual(await execText('surely-not-a-binary-xyz', ['--version']), { exitCode: 127, stdout: '' });
});
