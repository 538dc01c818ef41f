import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  condaRisks,
  describePinningRisk,
  dockerfileRisks,
  findPinningRisks,
  pyprojectRisks,
  requirementsRisks,
} from '../../src/env/pinning.ts';

const lines = (risks: ReturnType<typeof requirementsRisks>) => risks.map(describePinningRisk);

test('requirements: == or --hash pin; ranges, bare names, editables and unhashed URLs do not', () => {
  const text = [
    '# comment',
    '--index-url https://download.pytorch.org/whl/cu121',
    '-r base.txt',
    'torch==2.3.1',
    'numpy>=1.26',
    'scipy',
    'requests==2.*',
    'rich ~= 13.0',
    'tqdm==4.66.4 ; python_version >= "3.8"',
    'idna \\',
    '    --hash=sha256:9ecdbbd083b06798ae1e86adcbfe8ab1479cf864e4ee30fe4e46a003d12491ca',
    'mylib @ git+https://github.com/org/mylib@0123456789abcdef0123456789abcdef01234567',
    'other @ https://example.com/other.tar.gz',
    '-e ./vendor/pkg',
  ].join('\n');
  assert.deepEqual(lines(requirementsRisks('requirements.txt', text)), [
    'requirements.txt:5: `numpy>=1.26` is not pinned (no `==` or `--hash`)',
    'requirements.txt:6: `scipy` is not pinned (no `==` or `--hash`)',
    'requirements.txt:7: `requests==2.*` is not pinned (no `==` or `--hash`)',
    'requirements.txt:8: `rich ~= 13.0` is not pinned (no `==` or `--hash`)',
    'requirements.txt:13: `other` comes from a URL without a hash or commit',
    'requirements.txt:14: `-e ./vendor/pkg` is an editable install: whatever that checkout holds is installed',
  ]);
});

test('pyproject without a lock file, conda entries without versions, Dockerfile FROM without a digest', () => {
  const pyproject = '[project]\nname = "x"\ndependencies = [\n  "torch>=2",\n]\n';
  assert.equal(pyprojectRisks('pyproject.toml', pyproject, ['pyproject.toml']).length, 1);
  assert.deepEqual(pyprojectRisks('pyproject.toml', pyproject, ['pyproject.toml', 'uv.lock']), []);
  assert.deepEqual(
    pyprojectRisks('pyproject.toml', '[project]\nname = "x"\ndependencies = []\n', ['pyproject.toml']),
    [],
  );
  const conda =
    'name: train\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - numpy\n  - pytorch>=2.0\n  - pip\n  - pip:\n    - wandb==0.17.0\n    - einops\n';
  assert.deepEqual(lines(condaRisks('environment.yml', conda)), [
    'environment.yml:5: `numpy` has no version',
    'environment.yml:6: `pytorch>=2.0` is a range, not a version',
    'environment.yml:7: `pip` has no version',
    'environment.yml:10: pip: `einops` is not pinned (no `==` or `--hash`)',
  ]);
  const dockerfile = [
    'ARG BASE=ubuntu:22.04',
    'FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04 AS build',
    'FROM python AS deps',
    'FROM ubuntu:latest',
    'FROM --platform=linux/amd64 pytorch/pytorch@sha256:0f0c9bc4a6e6bd2b3b0fa3c1a7e0b1b8e6c9b0a1c2d3e4f5a6b7c8d9e0f1a2b3',
    'FROM build',
    'FROM scratch',
    'FROM ${BASE}',
  ].join('\n');
  assert.deepEqual(lines(dockerfileRisks('Dockerfile', dockerfile)), [
    'Dockerfile:2: `FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04` has no digest: the tag can be re-pushed; pin `@sha256:…`',
    'Dockerfile:3: `FROM python` follows `latest`, which moves; pin a digest (`@sha256:…`)',
    'Dockerfile:4: `FROM ubuntu:latest` follows `latest`, which moves; pin a digest (`@sha256:…`)',
    'Dockerfile:8: `FROM ${BASE}` uses a variable: its image cannot be checked for a digest',
  ]);
});

test("findPinningRisks reads the working directory's files", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-pin-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'requirements-dev.txt'), 'pytest\n');
  await writeFile(path.join(dir, 'Dockerfile'), 'FROM python:3.11\n');
  await writeFile(path.join(dir, 'train.py'), 'import torch\n');
  assert.deepEqual(
    (await findPinningRisks(dir)).map((r) => `${r.file}:${r.line}`),
    ['Dockerfile:1', 'requirements-dev.txt:1'],
  );
});
