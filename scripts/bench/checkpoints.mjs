// Checkpoint benchmarks for `npm run bench` (issue 15), each a ratio against a reference tool
// timed in the same run on the same file, and peak RSS read by /usr/bin/time (GNU time, %M):
//   - fingerprint of a 1 GB safetensors file vs `openssl dgst -sha256` (limit 1.2x; the ratio to
//     `sha256sum` is printed too), peak RSS <= 100 MB;
//   - a 3 GB file (sparse, made here only) fingerprints at all (one Buffer holds at most 2 GiB);
//   - SMA of 5 checkpoints of 200 MB vs numpy (limit: at least numpy's throughput), peak RSS <=
//     3x the largest tensor + 100 MB. There is no safetensors package here, so the numpy side
//     reads and writes the format itself (8-byte length, JSON header, raw data), written below
//     from the format's description, and averages in float64 as the merge does.
// Runs the bundled CLI (dist/cli.js) as users run it: `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const MB = 1e6;
const GNU_TIME = '/usr/bin/time';

/** Median wall seconds and peak RSS bytes of `runs` runs of a command (RSS null without GNU time). */
function measure(argv, runs) {
  const walls = [];
  let peak = null;
  for (let i = 0; i < runs; i++) {
    const withTime = existsSync(GNU_TIME);
    const start = process.hrtime.bigint();
    const result = spawnSync(withTime ? GNU_TIME : argv[0], withTime ? ['-f', '%M', ...argv] : argv.slice(1), {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0)
      throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
    if (withTime) peak = Math.max(peak ?? 0, Number(result.stderr.trim().split('\n').at(-1)) * 1024);
  }
  walls.sort((a, b) => a - b);
  return { seconds: walls[Math.floor(walls.length / 2)], peakRss: peak };
}

/** A safetensors file of F32 tensors of `tensorBytes` each, written in 16 MB pieces of varied data. */
async function writeCheckpoint(file, tensorCount, tensorBytes, seed) {
  const header = {};
  for (let t = 0; t < tensorCount; t++)
    header[`layer.${t}.weight`] = {
      dtype: 'F32',
      shape: [tensorBytes / 4],
      data_offsets: [t * tensorBytes, (t + 1) * tensorBytes],
    };
  const json = Buffer.from(JSON.stringify(header));
  const padded = Buffer.alloc(Math.ceil(json.length / 8) * 8, 0x20);
  json.copy(padded);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(padded.length));
  const handle = await open(file, 'w');
  try {
    await handle.write(Buffer.concat([prefix, padded]));
    const piece = new Float32Array(4 * 1024 * 1024);
    for (let i = 0; i < piece.length; i++) piece[i] = Math.sin(i * 0.001 + seed) * 0.1;
    for (let written = 0; written < tensorCount * tensorBytes; written += piece.byteLength) {
      await handle.write(
        new Uint8Array(piece.buffer, 0, Math.min(piece.byteLength, tensorCount * tensorBytes - written)),
      );
    }
  } finally {
    await handle.close();
  }
}

const NUMPY_SMA = String.raw`
import json, sys
import numpy as np
out, files = sys.argv[1], sys.argv[2:]
def read(path):
    data = np.fromfile(path, dtype=np.uint8)
    n = int(data[:8].view("<u8")[0])
    header = json.loads(data[8:8 + n].tobytes())
    header.pop("__metadata__", None)
    body = data[8 + n:]
    return {k: body[v["data_offsets"][0]:v["data_offsets"][1]].view("<f4").reshape(v["shape"]) for k, v in header.items()}
inputs = [read(f) for f in files]
merged = {}
for name in inputs[0]:
    acc = np.zeros(inputs[0][name].shape, dtype=np.float64)
    for tensors in inputs:
        acc += tensors[name].astype(np.float64) * (1.0 / len(inputs))  # float64, as the merge
    merged[name] = acc.astype("<f4")
header, offset = {}, 0
for name in sorted(merged):
    header[name] = {"dtype": "F32", "shape": list(merged[name].shape), "data_offsets": [offset, offset + merged[name].nbytes]}
    offset += merged[name].nbytes
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
with open(out, "wb") as f:
    f.write(len(text).to_bytes(8, "little")); f.write(text)
    for name in sorted(merged): merged[name].tofile(f)
`;

/** Runs the checkpoint benchmarks; `report(name, ratio, limit, detail)` prints and records each target. */
export async function benchCheckpoints(report) {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
  const cli = [process.execPath, 'dist/cli.js'];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-bench-checkpoints-'));
  try {
    const gig = path.join(dir, 'one-gb.safetensors');
    await writeCheckpoint(gig, 4, 250 * MB, 1);
    measure(['openssl', 'dgst', '-sha256', gig], 1); // page cache warm for everyone
    const openssl = measure(['openssl', 'dgst', '-sha256', gig], 3);
    const sha256sum = measure(['sha256sum', gig], 3);
    const ours = measure([...cli, 'fingerprint', gig, '--format', 'json'], 3);
    const rss =
      ours.peakRss === null ? 'peak RSS n/a (no /usr/bin/time)' : `peak RSS ${(ours.peakRss / MB).toFixed(0)} MB`;
    report(
      'fingerprint of a 1 GB safetensors file vs `openssl dgst -sha256`',
      ours.seconds / openssl.seconds,
      1.2,
      `${ours.seconds.toFixed(2)} s vs ${openssl.seconds.toFixed(2)} s (median of 3); ${(ours.seconds / sha256sum.seconds).toFixed(2)}x sha256sum (${sha256sum.seconds.toFixed(2)} s); ${rss}`,
    );
    if (ours.peakRss !== null) report('fingerprint of 1 GB: peak RSS vs 100 MB', ours.peakRss / (100 * MB), 1, rss);
    await rm(gig);

    // 3 GB of zeros as one U8 tensor: a sparse file, so nothing but the header is on disk.
    const sparse = path.join(dir, 'three-gb.safetensors');
    const size = 3 * 1024 ** 3;
    const json = Buffer.from(
      JSON.stringify({ huge: { dtype: 'U8', shape: [size], data_offsets: [0, size] } }).padEnd(64, ' '),
    );
    const prefix = Buffer.alloc(8);
    prefix.writeBigUInt64LE(BigInt(json.length));
    await writeFile(sparse, Buffer.concat([prefix, json]));
    const handle = await open(sparse, 'r+');
    await handle.truncate(8 + json.length + size);
    await handle.close();
    const big = measure([...cli, 'fingerprint', sparse, '--format', 'json'], 1);
    report(
      'fingerprint of a 3 GB (sparse) file: peak RSS vs 100 MB',
      (big.peakRss ?? 0) / (100 * MB),
      1,
      `fingerprinted in ${big.seconds.toFixed(1)} s, peak RSS ${big.peakRss === null ? 'n/a' : `${(big.peakRss / MB).toFixed(0)} MB`}`,
    );
    await rm(sparse);

    const python = '/usr/bin/python3';
    if (spawnSync(python, ['-c', 'import numpy']).status !== 0) {
      console.log(`SMA of 5 x 200 MB vs numpy: skipped, ${python} cannot import numpy`);
      return;
    }
    const files = [];
    for (let k = 0; k < 5; k++) {
      files.push(path.join(dir, `ckpt-${k}.safetensors`));
      await writeCheckpoint(files[k], 4, 50 * MB, k);
    }
    const script = path.join(dir, 'numpy_sma.py');
    await writeFile(script, NUMPY_SMA);
    measure([python, script, path.join(dir, 'numpy.safetensors'), ...files], 1);
    const numpy = measure([python, script, path.join(dir, 'numpy.safetensors'), ...files], 3);
    const merge = measure([...cli, 'merge', '--method', 'sma', '-o', path.join(dir, 'ours.safetensors'), ...files], 3);
    // Headers differ (ours records the inputs in __metadata__); the data must not.
    const dataOf = async (file) => {
      const bytes = await readFile(file);
      return bytes.subarray(8 + Number(bytes.readBigUInt64LE(0)));
    };
    const identical = (await dataOf(path.join(dir, 'numpy.safetensors'))).equals(
      await dataOf(path.join(dir, 'ours.safetensors')),
    );
    // Throughput ratio: numpy's time over ours (>= 1 means at least numpy's throughput); reported as ours/numpy against limit 1.
    report(
      'SMA of 5 checkpoints of 200 MB vs numpy (time ratio; <= 1 is at least numpy throughput)',
      merge.seconds / numpy.seconds,
      1,
      `${merge.seconds.toFixed(2)} s vs ${numpy.seconds.toFixed(2)} s (median of 3); tensor data ${identical ? 'bit-identical to numpy' : 'DIFFERS from numpy'}; peak RSS ${merge.peakRss === null ? 'n/a' : `${(merge.peakRss / MB).toFixed(0)} MB vs numpy ${(numpy.peakRss / MB).toFixed(0)} MB`}`,
    );
    if (merge.peakRss !== null)
      report(
        'SMA peak RSS vs 3x the largest tensor + 100 MB',
        merge.peakRss / (3 * 50 * MB + 100 * MB),
        1,
        `${(merge.peakRss / MB).toFixed(0)} MB`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
