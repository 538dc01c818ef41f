import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { serializeSafetensors, type SafetensorsTensor } from '../../src/safetensors/format.ts';
import type { Dtype } from '../../src/safetensors/dtypes.ts';

export async function withTemp<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-checkpoints-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

export function f32(name: string, values: number[], shape = [values.length]): SafetensorsTensor {
  return { name, dtype: 'F32', shape, data: bytesOf(new Float32Array(values)) };
}

export function tensor(name: string, dtype: Dtype, shape: number[], data: ArrayBufferView): SafetensorsTensor {
  return { name, dtype, shape, data: bytesOf(data) };
}

export async function writeSafetensors(
  file: string,
  tensors: SafetensorsTensor[],
  metadata: Record<string, string> | null = null,
): Promise<string> {
  await writeFile(file, serializeSafetensors(tensors, metadata));
  return file;
}

/** A file with a hand-written header, for the bad-input tests. */
export function fileWithHeader(header: unknown, dataBytes: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const file = new Uint8Array(8 + json.length + dataBytes);
  new DataView(file.buffer).setBigUint64(0, BigInt(json.length), true);
  file.set(json, 8);
  return file;
}

export async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
