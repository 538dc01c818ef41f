import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readTfRecordFile } from '../../src/metrics/tensorboard/record-file.ts';
import { maskedCrc32c, readTfRecords, TfRecordCorruption } from '../../src/metrics/tensorboard/tfrecord.ts';
import { withTempDir } from '../support/temp-dir.ts';

/** A TFRecord around `payload`, as TensorFlow's RecordWriter frames it. */
function frame(payload: Uint8Array): Buffer {
  const record = Buffer.alloc(payload.length + 16);
  record.writeBigUInt64LE(BigInt(payload.length), 0);
  record.writeUInt32LE(maskedCrc32c(record.subarray(0, 8)), 8);
  record.set(payload, 12);
  record.writeUInt32LE(maskedCrc32c(payload), payload.length + 12);
  return record;
}

// Payloads of many lengths: empty, shorter and longer than a small chunk, lengths met again (with other
// bytes), 286, whose low byte is 30's (checked length headers are remembered by that byte), and 5000,
// too long for the scanner's scratch space (viewed in place).
const payloads = [0, 1, 7, 12, 30, 30, 200, 3, 286, 64, 30, 5000, 1000, 5].map((length, index) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + index * 7) & 0xff),
);
const file = Buffer.concat(payloads.map(frame));

type Seen = { records: Array<[number, string]>; result?: unknown; error?: unknown };

function readWhole(bytes: Uint8Array): Seen {
  const seen: Seen = { records: [] };
  try {
    seen.result = readTfRecords(bytes, (data, offset) =>
      seen.records.push([offset, Buffer.from(data).toString('hex')]),
    ).truncatedAt;
  } catch (error) {
    seen.error = error;
  }
  return seen;
}

function readInChunks(target: string, chunkBytes: number): Seen {
  const seen: Seen = { records: [] };
  try {
    seen.result = readTfRecordFile(
      target,
      (data, offset) => seen.records.push([offset, Buffer.from(data).toString('hex')]),
      chunkBytes,
    ).truncatedAt;
  } catch (error) {
    seen.error = error;
  }
  return seen;
}

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-tfrecord-', body);

describe('TFRecord files read in chunks', () => {
  it('hands over the same records, offsets and payloads as a whole-file read, wherever the chunks end', async () => {
    await withTemp(async (dir) => {
      const target = path.join(dir, 'records');
      await writeFile(target, file);
      const whole = readWhole(file);
      assert.equal(whole.records.length, payloads.length);
      assert.equal(whole.result, null);
      // 1 byte (every record grows the buffer), sizes around a header and a record, and larger than the file.
      for (const chunkBytes of [1, 11, 12, 13, 16, 17, 45, 46, 47, 100, 999, 1016, 4096, 1 << 20]) {
        assert.deepEqual(readInChunks(target, chunkBytes), whole, `chunks of ${chunkBytes} bytes`);
      }
    });
  });

  it('reports a last record cut anywhere, and reads what comes before it, as a whole-file read does', async () => {
    await withTemp(async (dir) => {
      const target = path.join(dir, 'cut');
      const boundaries = new Set(readWhole(file).records.map(([offset]) => offset));
      // Cuts in the last four records (one too long for the scratch space, all longer than some chunks):
      // every byte of their headers and footers, every 97th byte of their payloads.
      const ends = [...boundaries, file.length];
      const nearEnds = (cut: number) => ends.some((end) => Math.abs(cut - end) <= 16);
      for (let cut = ends.at(-5)!; cut <= file.length; cut++) {
        if (!nearEnds(cut) && cut % 97 !== 0) continue;
        await writeFile(target, file.subarray(0, cut));
        const whole = readWhole(file.subarray(0, cut));
        assert.equal(whole.result === null, cut === file.length || boundaries.has(cut), `cut at ${cut}`);
        for (const chunkBytes of [1, 13, 64]) {
          assert.deepEqual(readInChunks(target, chunkBytes), whole, `cut at ${cut}, chunks of ${chunkBytes} bytes`);
        }
      }
    });
  });

  it('refuses a changed byte with the offset of its record, whichever chunk it falls in', async () => {
    await withTemp(async (dir) => {
      const target = path.join(dir, 'corrupt');
      const offsets = readWhole(file).records.map(([offset]) => offset);
      // The length, its CRC and the payload of the second 30-byte record (a length header seen before).
      const again = offsets[5]!;
      for (const at of [0, 9, 12, 40, again, again + 9, again + 12, 700, offsets[11]! + 2000, file.length - 1]) {
        const bytes = Buffer.from(file);
        bytes[at] = bytes[at]! ^ 0x10;
        await writeFile(target, bytes);
        const whole = readWhole(bytes);
        assert.ok(whole.error instanceof TfRecordCorruption, `byte ${at}`);
        for (const chunkBytes of [1, 29, 4096]) {
          const chunked = readInChunks(target, chunkBytes);
          assert.ok(chunked.error instanceof TfRecordCorruption);
          assert.equal(chunked.error.offset, whole.error.offset, `byte ${at}, chunks of ${chunkBytes}`);
          assert.equal(chunked.error.problem, whole.error.problem);
          assert.deepEqual(chunked.records, whole.records);
        }
      }
    });
  });
});
