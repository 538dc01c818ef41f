import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveBaselinePath, resolveRecordsBaselinePath } from '../../src/modes/baseline-location.ts';
import type { EnvironmentFingerprint, RunRecordJson } from '../../src/record/types.ts';

const gpuOf = (name: string | null): EnvironmentFingerprint['gpu'] =>
  name === null
    ? null
    : { driver: '550.54', cuda: '12.4', devices: [{ index: 0, name, uuid: 'GPU-1', memoryMiB: 81559 }] };

/** A run record with only what the placeholders read: the GPU and the runner's name. */
function record(gpu: string | null, runnerName: string | null): RunRecordJson {
  return {
    environment: { gpu: gpuOf(gpu) },
    runner: { label: runnerName, gpuUuids: [] },
  } as unknown as RunRecordJson;
}

test('aggregate fills {gpu} and {runner} from the records, as check and baseline update fill them from the machine', () => {
  const h100 = [record('NVIDIA H100 80GB HBM3', 'gpu-box-1'), record('NVIDIA H100 80GB HBM3', 'gpu-box-1')];
  assert.equal(
    resolveRecordsBaselinePath('.repro/baseline-{gpu}-{runner}.json', h100, 'baseline'),
    '.repro/baseline-nvidia-h100-80gb-hbm3-gpu-box-1.json',
  );
  // The same slug as check's own resolution on that machine, so check finds what aggregate wrote.
  assert.equal(
    resolveBaselinePath(
      '.repro/baseline-{gpu}-{runner}.json',
      { gpu: gpuOf('NVIDIA H100 80GB HBM3') } as EnvironmentFingerprint,
      { RUNNER_NAME: 'gpu-box-1' },
      'host',
    ),
    '.repro/baseline-nvidia-h100-80gb-hbm3-gpu-box-1.json',
  );
  assert.equal(
    resolveRecordsBaselinePath('band-{gpu}.json', [record(null, null), record(null, null)], '-o'),
    'band-cpu.json',
  );
  assert.equal(resolveRecordsBaselinePath('band.json', [record('A', null), record('B', null)], '-o'), 'band.json');
});

test('aggregate refuses a placeholder the records do not give one value for, naming the setting', () => {
  assert.throws(
    () =>
      resolveRecordsBaselinePath(
        'b-{gpu}.json',
        [record('NVIDIA A100-SXM4-40GB', 'r'), record('NVIDIA H100 80GB HBM3', 'r')],
        'baseline',
      ),
    /baseline "b-\{gpu\}\.json": the run records disagree on \{gpu\} \(nvidia-a100-sxm4-40gb, nvidia-h100-80gb-hbm3\)/,
  );
  assert.throws(
    () => resolveRecordsBaselinePath('b-{runner}.json', [record(null, 'r1'), record(null, 'r2')], '-o'),
    /-o "b-\{runner\}\.json": the run records disagree on \{runner\} \(r1, r2\)/,
  );
  assert.throws(
    () => resolveRecordsBaselinePath('b-{runner}.json', [record(null, null), record(null, null)], '-o'),
    /\{runner\} cannot be filled: the run records do not name the runner that trained them/,
  );
});
