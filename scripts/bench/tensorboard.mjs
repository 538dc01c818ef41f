// A TensorBoard event file of about 200 MB (SummaryWriter's layout: one event per add_scalar, four
// tags a step), written to a temp folder and removed after: how fast repro-check reads it, against
// the floor of reading the same bytes with fs.readFile, in the same run.
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import protobuf from 'protobufjs';
import CRC32C from 'crc-32/crc32c.js';
import { tsImport } from 'tsx/esm/api';

// The writer's side of the framing and of the Event message (TensorBoard's event.proto / summary.proto numbers).
const WRITER_PROTO = `syntax = "proto3";
message Event { double wall_time = 1; int64 step = 2; Summary summary = 5; }
message Summary { message Value { string tag = 1; oneof value { float simple_value = 2; } } repeated Value value = 1; }`;
const Event = protobuf.parse(WRITER_PROTO).root.lookupType('Event');

function masked(bytes) {
  const crc = CRC32C.buf(bytes) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

function frame(data) {
  const record = Buffer.alloc(data.length + 16);
  record.writeBigUInt64LE(BigInt(data.length), 0);
  record.writeUInt32LE(masked(record.subarray(0, 8)), 8);
  record.set(data, 12);
  record.writeUInt32LE(masked(data), data.length + 12);
  return record;
}

export async function writeEventFile(file, targetBytes) {
  const tags = ['train/loss', 'train/lr', 'train/grad_norm', 'eval/accuracy'];
  const handle = await open(file, 'w');
  let written = 0;
  let step = 0;
  try {
    while (written < targetBytes) {
      const chunk = [];
      for (let i = 0; i < 20_000; i++, step++) {
        for (const [index, tag] of tags.entries()) {
          const event = {
            wallTime: 1.7e9 + step * 0.01,
            step,
            summary: { value: [{ tag, simpleValue: Math.sin(step * 1e-4 + index) }] },
          };
          chunk.push(frame(Event.encode(event).finish()));
        }
      }
      const bytes = Buffer.concat(chunk);
      await handle.write(bytes);
      written += bytes.length;
    }
  } finally {
    await handle.close();
  }
  return { bytes: written, steps: step, values: step * tags.length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Returns the read throughput of repro-check and of fs.readFile (MB/s), and their ratio (ours / floor). */
export async function benchTensorBoard({ megabytes = 200, runs = 3 } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-bench-tb-'));
  try {
    const file = path.join(dir, 'events.out.tfevents.1700000000.bench');
    const made = await writeEventFile(file, megabytes * 1e6);
    const { readStructuredMetrics } = await tsImport('../../src/metrics/metric-source.ts', import.meta.url);
    const floor = [];
    const ours = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that load on the shared machine hits both alike.
      let start = performance.now();
      await readFile(file);
      floor.push(performance.now() - start);
      start = performance.now();
      const data = readStructuredMetrics(file, { notBefore: null, baseDir: dir });
      ours.push(performance.now() - start);
      const read = [...data.series.values()].reduce((sum, series) => sum + series.steps.length, 0);
      if (read !== made.values) throw new Error(`read ${read} values, wrote ${made.values}`);
    }
    const mb = made.bytes / 1e6;
    const oursMBs = mb / (median(ours) / 1000);
    const floorMBs = mb / (median(floor) / 1000);
    return { megabytes: mb, values: made.values, oursMBs, floorMBs, ratio: oursMBs / floorMBs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
