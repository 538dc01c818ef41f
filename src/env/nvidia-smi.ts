import type { EnvironmentFingerprint } from '../record/types.ts';

type Gpu = NonNullable<EnvironmentFingerprint['gpu']>;

/** The query `collectEnvironment` runs; its CSV columns in this order. */
export const NVIDIA_SMI_QUERY = [
  '--query-gpu=index,name,uuid,memory.total,driver_version',
  '--format=csv,noheader,nounits',
];

/**
 * Parses `nvidia-smi --query-gpu=index,name,uuid,memory.total,driver_version
 * --format=csv,noheader,nounits` (pure) and keeps the GPUs the job can see: CUDA_VISIBLE_DEVICES
 * lists indices or UUIDs (or UUID prefixes, as CUDA accepts); an empty value hides every GPU.
 */
export function parseNvidiaSmi(
  queryOutput: string,
  headerOutput: string | null,
  cudaVisibleDevices: string | undefined,
): Gpu {
  const rows = queryOutput
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.trim()));
  const all = rows.map(([index, name, uuid, memory]) => ({
    index: Number(index),
    name: name ?? '',
    uuid: uuid ?? '',
    memoryMiB: memory === undefined || !/^\d+$/.test(memory) ? null : Number(memory),
  }));
  const devices = cudaVisibleDevices === undefined ? all : visibleDevices(all, cudaVisibleDevices);
  const driver = rows[0]?.[4] ?? null;
  const cuda = headerOutput ? (/CUDA Version:\s*([\d.]+)/.exec(headerOutput)?.[1] ?? null) : null;
  return { driver, cuda, devices };
}

/**
 * CUDA's reading of CUDA_VISIBLE_DEVICES: entries in order, each an index or a UUID prefix;
 * the list ends at the first entry that names no device (`0,2,-1,1` shows 0 and 2 only).
 */
function visibleDevices(all: Gpu['devices'], cudaVisibleDevices: string): Gpu['devices'] {
  const visible: Gpu['devices'] = [];
  for (const token of cudaVisibleDevices.split(',').map((entry) => entry.trim())) {
    const device = all.find((d) =>
      /^\d+$/.test(token) ? d.index === Number(token) : token.length > 0 && d.uuid.startsWith(token),
    );
    if (!device) break;
    if (!visible.includes(device)) visible.push(device);
  }
  return visible;
}
