import type { EnvironmentFingerprint } from '../record/types.ts';

type Gpu = NonNullable<EnvironmentFingerprint['gpu']>;

/** The query `collectEnvironment` runs; its CSV columns in this order. */
export const NVIDIA_SMI_QUERY = ['--query-gpu=index,name,uuid,memory.total,driver_version', '--format=csv,noheader,nounits'];

/**
 * Parses `nvidia-smi --query-gpu=index,name,uuid,memory.total,driver_version
 * --format=csv,noheader,nounits` (pure) and keeps the GPUs the job can see: CUDA_VISIBLE_DEVICES
 * lists indices or UUIDs (or UUID prefixes, as CUDA accepts); an empty value hides every GPU.
 */
export function parseNvidiaSmi(queryOutput: string, headerOutput: string | null, cudaVisibleDevices: string | undefined): Gpu {
  const rows = queryOutput
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.trim()));
  let devices = rows.map(([index, name, uuid, memory]) => ({
    index: Number(index),
    name: name ?? '',
    uuid: uuid ?? '',
    memoryMiB: memory === undefined || !/^\d+$/.test(memory) ? null : Number(memory),
  }));
  if (cudaVisibleDevices !== undefined) {
    const wanted = cudaVisibleDevices.split(',').map((s) => s.trim()).filter(Boolean);
    devices = wanted.flatMap((token) => devices.filter((d) => (/^\d+$/.test(token) ? d.index === Number(token) : d.uuid.startsWith(token))).slice(0, 1));
  }
  const driver = rows[0]?.[4] ?? null;
  const cuda = headerOutput ? (/CUDA Version:\s*([\d.]+)/.exec(headerOutput)?.[1] ?? null) : null;
  return { driver, cuda, devices };
}
