import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, ReproError } from '../../src/errors.ts';
import { readStructuredMetrics } from '../../src/metrics/metric-source.ts';
import { collectRunMetrics } from '../../src/metrics/collect.ts';
import protobuf from 'protobufjs';
import { maskedCrc32c, readTfRecords } from '../../src/metrics/tensorboard/tfrecord.ts';
import { readEventFiles } from '../../src/metrics/tensorboard/event-file.ts';
import { withTempDir } from '../support/temp-dir.ts';

const fixtures = path.resolve('test/fixtures/metrics/tensorboard');
const pytorchEvents = path.join(fixtures, 'pytorch/events.out.tfevents.1700000000.fixture-host.4242.0');

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-tb-', body);

function readError(target: string, notBefore: Date | null = null): ReproError {
  try {
    readStructuredMetrics(target, { notBefore, baseDir: path.dirname(target) });
  } catch (error) {
    assert.ok(error instanceof ReproError, `expected a ReproError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected reading ${target} to fail`);
}

/** Byte offsets where each record of a TFRecord file starts. */
function recordOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  readTfRecords(bytes, (_data, offset) => offsets.push(offset));
  return offsets;
}

describe('TensorBoard event files: the step axis', () => {
  it("reports the Event step as the file's step key, as the text formats report theirs", () => {
    const data = readStructuredMetrics(pytorchEvents, { notBefore: null, baseDir: path.dirname(pytorchEvents) })!;
    assert.ok(data.series.size > 0);
    assert.deepEqual(
      data.stepAxes?.map((axis) => axis.stepKey),
      ['step'],
    );
  });
});

describe('TFRecord framing', () => {
  it('masks the CRC-32C of the standard check input as TensorFlow does', () => {
    // CRC-32C("123456789") is 0xE3069283 (the catalogue check value); masked: rotate right 15, add 0xa282ead8.
    const crc = 0xe3069283;
    const masked = ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
    assert.equal(maskedCrc32c(new TextEncoder().encode('123456789')), masked);
  });

  it('refuses a record whose data CRC does not match, naming the file and the byte offset', async () => {
    await withTemp(async (dir) => {
      const bytes = new Uint8Array(await readFile(pytorchEvents));
      const third = recordOffsets(bytes)[2]!;
      bytes[third + 14] = bytes[third + 14]! ^ 0x01; // a bit of the third record's payload
      const file = path.join(dir, 'events.out.tfevents.1.corrupt');
      await writeFile(file, bytes);
      const error = readError(file);
      assert.ok(error instanceof InputFileError);
      assert.match(
        error.message,
        new RegExp(`^${file}: corrupt TensorBoard event file: the CRC of the record data .* at byte ${third}$`),
      );
    });
  });

  it('refuses a record whose length CRC does not match', async () => {
    await withTemp(async (dir) => {
      const bytes = new Uint8Array(await readFile(pytorchEvents));
      const second = recordOffsets(bytes)[1]!;
      bytes[second] = bytes[second]! ^ 0x40;
      const file = path.join(dir, 'events.out.tfevents.2.corrupt');
      await writeFile(file, bytes);
      assert.match(
        readError(file).message,
        new RegExp(`the CRC of the record length does not match at byte ${second}`),
      );
    });
  });

  it('skips a last record cut short (a live writer) with a note, and reads the rest', async () => {
    await withTemp(async (dir) => {
      const bytes = await readFile(pytorchEvents);
      const offsets = recordOffsets(bytes);
      const last = offsets.at(-1)!;
      for (const cut of [last + 5, last + 20, bytes.length - 1]) {
        const file = path.join(dir, `events.out.tfevents.${cut}.live`);
        await writeFile(file, bytes.subarray(0, cut));
        const data = readStructuredMetrics(file, { notBefore: null, baseDir: fixtures })!;
        assert.deepEqual(Array.from(data.series.get('train/loss')!.steps), [1, 2, 3, 4, 5]);
        assert.ok(
          data.notes.some((note) => note.includes(`the last record (from byte ${last}) is cut short`)),
          data.notes.join('\n'),
        );
      }
    });
  });
});

/** A TFRecord around `payload`, as TensorFlow's RecordWriter frames it. */
function frame(payload: Uint8Array): Buffer {
  const record = Buffer.alloc(payload.length + 16);
  record.writeBigUInt64LE(BigInt(payload.length), 0);
  record.writeUInt32LE(maskedCrc32c(record.subarray(0, 8)), 8);
  record.set(payload, 12);
  record.writeUInt32LE(maskedCrc32c(payload), payload.length + 12);
  return record;
}

describe('Event messages on the wire', () => {
  // Summary.Value {tag = 1, simple_value = 2 (fixed32), image = 4}; Summary {value = 1}; Event {step = 2, summary = 5}.
  const value = (tag: string, simple?: number) => {
    const writer = protobuf.Writer.create()
      .uint32((1 << 3) | 2)
      .string(tag);
    if (simple !== undefined) writer.uint32((2 << 3) | 5).float(simple);
    return writer.finish();
  };
  const summary = (...values: Uint8Array[]) =>
    values.reduce((writer, v) => writer.uint32((1 << 3) | 2).bytes(v), protobuf.Writer.create()).finish();

  it('reads a step written after the summary, a zero value, and the last of two oneof fields', async () => {
    await withTemp(async (dir) => {
      const imageThenScalar = protobuf.Writer.create()
        .uint32((1 << 3) | 2)
        .string('mixed')
        .uint32((4 << 3) | 2)
        .bytes(new Uint8Array([8, 1]))
        .uint32((2 << 3) | 5)
        .float(0.5)
        .finish();
      const event = protobuf.Writer.create()
        .uint32((5 << 3) | 2)
        .bytes(summary(value('loss', 0), imageThenScalar, value('unset')))
        .uint32((2 << 3) | 0)
        .int64(7)
        .uint32((99 << 3) | 0) // a field this reader does not know
        .uint32(1)
        .finish();
      const file = path.join(dir, 'events.out.tfevents.3.wire');
      await writeFile(file, frame(event));
      const data = readStructuredMetrics(file, { notBefore: null, baseDir: dir })!;
      assert.deepEqual(Array.from(data.series.get('loss')!.steps), [7]);
      assert.ok(Object.is(data.series.get('loss')!.values[0], 0));
      assert.deepEqual(Array.from(data.series.get('mixed')!.values), [0.5]);
      assert.ok(
        data.notes.some((note) => note.endsWith('summaries skipped (1 empty value); only scalars are compared')),
        data.notes.join('\n'),
      );
    });
  });

  it('reads summaries that repeat but for their value, and tells apart ones that differ in any other byte', async () => {
    await withTemp(async (dir) => {
      const event = (step: number, summaryBytes: Uint8Array) =>
        frame(
          protobuf.Writer.create()
            .uint32((1 << 3) | 1)
            .double(1.7e9 + step)
            .uint32((2 << 3) | 0)
            .int64(step)
            .uint32((5 << 3) | 2)
            .bytes(summaryBytes)
            .finish(),
        );
      const loss = (simple: number) => summary(value('loss', simple));
      // 'loss' as the same 13 bytes but for the float's 4, with a byte changed where each compared word of
      // the first 9 lies: the tag's length, its last letter, and the float's key (field 3 with a fixed32:
      // a field this reader skips, so an empty value).
      const tagLength = summary(value('lossXYZZY')); // 0a 0b 0a 09 …: 13 bytes, no value
      const lastLetter = summary(value('lost', 9));
      const otherKey = Uint8Array.from(loss(8), (byte, i) => (i === 8 ? (3 << 3) | 5 : byte));
      const events = [
        event(1, loss(1.5)),
        event(2, loss(2.5)),
        event(3, tagLength),
        event(4, lastLetter),
        event(5, otherKey),
        event(6, summary(value('loss', 4.5), value('lost', 5))),
        event(7, loss(-0)),
        event(8, lastLetter),
        event(9, loss(0.75)),
        // A remembered summary with a step after it (the step written last wins): these events are walked.
        frame(
          protobuf.Writer.create()
            .uint32((1 << 3) | 1)
            .double(1.7e9)
            .uint32((5 << 3) | 2)
            .bytes(loss(1.25))
            .uint32((2 << 3) | 0)
            .int64(10)
            .finish(),
        ),
        frame(
          protobuf.Writer.create()
            .uint32((1 << 3) | 1)
            .double(1.7e9)
            .uint32((2 << 3) | 0)
            .int64(99)
            .uint32((5 << 3) | 2)
            .bytes(loss(1))
            .uint32((2 << 3) | 0)
            .int64(11)
            .finish(),
        ),
      ];
      const file = path.join(dir, 'events.out.tfevents.8.repeat');
      await writeFile(file, Buffer.concat(events));
      const data = readStructuredMetrics(file, { notBefore: null, baseDir: dir })!;
      assert.deepEqual([...data.series.keys()].sort(), ['loss', 'lost']);
      assert.deepEqual(Array.from(data.series.get('loss')!.steps), [1, 2, 6, 7, 9, 10, 11]);
      assert.deepEqual(Array.from(data.series.get('loss')!.values), [1.5, 2.5, 4.5, -0, 0.75, 1.25, 1]);
      assert.ok(Object.is(data.series.get('loss')!.values[3], -0));
      assert.deepEqual(Array.from(data.series.get('lost')!.steps), [4, 6, 8]);
      assert.deepEqual(Array.from(data.series.get('lost')!.values), [9, 5, 9]);
      assert.ok(
        data.notes.some((note) => note.endsWith('summaries skipped (2 empty value); only scalars are compared')),
        data.notes.join('\n'),
      );
    });
  });

  it('refuses a record whose CRC checks but whose payload is not an Event, naming the byte offset', async () => {
    await withTemp(async (dir) => {
      const good = frame(
        protobuf.Writer.create()
          .uint32((2 << 3) | 0)
          .int64(1)
          .finish(),
      );
      const file = path.join(dir, 'events.out.tfevents.4.bad');
      await writeFile(file, Buffer.concat([good, frame(new Uint8Array([(5 << 3) | 2, 0x7f, 1]))]));
      const error = readError(file);
      assert.match(
        error.message,
        new RegExp(`^${file}: record at byte ${good.length}: not a TensorBoard Event message`),
      );
    });
  });

  it('refuses a negative step', async () => {
    await withTemp(async (dir) => {
      const event = protobuf.Writer.create()
        .uint32((2 << 3) | 0)
        .int64(-3)
        .uint32((5 << 3) | 2)
        .bytes(summary(value('loss', 1)))
        .finish();
      const file = path.join(dir, 'events.out.tfevents.5.neg');
      await writeFile(file, frame(event));
      assert.match(readError(file).message, /record at byte 0: the event's step -3 is not a whole number/);
    });
  });
});

describe('A tag logged twice at one step', () => {
  it('add_scalar without global_step (fixture no-step): refused with the TensorBoard fix, not step-key advice', () => {
    const file = path.join(fixtures, 'no-step', 'events.out.tfevents.1700000500.fixture-host.31.0');
    const error = readError(file);
    assert.match(error.message, /"loss" is logged at step 0 again with another value/);
    assert.match(
      error.hint ?? '',
      /^Pass the step when logging: writer\.add_scalar\(tag, value, global_step=step\).*at step 0\.$/,
    );
    assert.doesNotMatch(error.hint ?? '', /step-key/);
  });
});

describe('A tag given by two runs of one log folder', () => {
  it('is refused naming both event files and the fix (fixture tag-collision: root `train.loss`, train/ `loss`)', () => {
    const dir = path.join(fixtures, 'tag-collision');
    const error = readError(dir);
    assert.equal(
      error.message,
      `metrics: the tag "train.loss" comes from two runs, in ${path.join(dir, 'events.out.tfevents.1700000400.fixture-host.21.0')} and in ${path.join(dir, 'train', 'events.out.tfevents.1700000400.fixture-host.21.1')}; one metric name cannot hold both`,
    );
    assert.match(error.hint ?? '', /Rename one of the two tags .*, or point `metrics` at one run folder/);
  });
});

describe('Event files that cannot be read', () => {
  it('names the file and the reason, as an input error', async () => {
    await withTemp(async (dir) => {
      const folder = path.join(dir, 'events.out.tfevents.6.folder');
      await mkdir(folder);
      for (const [file, code] of [
        [path.join(dir, 'events.out.tfevents.7.missing'), 'ENOENT'],
        [folder, 'EISDIR'],
      ]) {
        assert.throws(
          () => readEventFiles([file!]),
          (error) =>
            error instanceof InputFileError && error.message === `${file}: cannot read the event file: ${code}`,
        );
      }
    });
  });
});

describe('TensorBoard log folders', () => {
  it('notes the summaries that are not scalars, with counts by kind', async () => {
    const data = readStructuredMetrics(pytorchEvents, { notBefore: null, baseDir: fixtures })!;
    assert.ok(
      data.notes.some((note) => note.endsWith('summaries skipped (2 histogram, 1 image); only scalars are compared')),
      data.notes.join('\n'),
    );
  });

  it('merges the event files of a resumed run by step and says so, naming both records of each changed step', async () => {
    const data = readStructuredMetrics(path.join(fixtures, 'resumed'), { notBefore: null, baseDir: fixtures })!;
    assert.ok(
      data.notes.some((note) => note.startsWith('2 event files in one run (a resumed run) were merged by step')),
    );
    const step3 = data.notes.find((note) => note.startsWith('loss at step 3 was logged twice'));
    assert.match(
      step3 ?? '',
      /fixture-host\.11\.0 \(record at byte \d+\) and .*fixture-host\.12\.0 \(record at byte 40\)/,
    );
  });

  it('a glob matching event files reads them as a log folder: runs merged by step, tags named as TensorBoard shows them', async () => {
    const resumed = await collectRunMetrics('resumed/events.out.tfevents.*', { baseDir: fixtures, notBefore: null });
    assert.deepEqual([...resumed.data.series.keys()], ['loss'], 'no name taken from the event file names');
    assert.deepEqual(Array.from(resumed.data.series.get('loss')!.steps), [1, 2, 3, 4, 5, 6]);
    const keras = await collectRunMetrics(
      { keras: 'keras/*/events.out.tfevents.*' },
      { baseDir: fixtures, notBefore: null },
    );
    assert.deepEqual([...keras.data.series.keys()].sort(), [
      'keras.train.epoch_accuracy',
      'keras.train.epoch_loss',
      'keras.validation.epoch_loss',
      'keras.validation.evaluation_loss_vs_iterations',
    ]);
    assert.equal(keras.files.length, 2);
  });

  it('reads the file written last when file names are not in write order', async () => {
    await withTemp(async (dir) => {
      // Same bytes, names swapped: the timestamp in the name decides the order, so the values follow the names.
      await cp(
        path.join(fixtures, 'resumed/events.out.tfevents.1700000200.fixture-host.11.0'),
        path.join(dir, 'events.out.tfevents.1700000900.a'),
      );
      await cp(
        path.join(fixtures, 'resumed/events.out.tfevents.1700000300.fixture-host.12.0'),
        path.join(dir, 'events.out.tfevents.1700000100.b'),
      );
      const loss = readStructuredMetrics(dir, { notBefore: null, baseDir: fixtures })!.series.get('loss')!;
      assert.deepEqual(Array.from(loss.values), [2, 1.5, 1.25, 1.125, 0.75, 0.5]);
    });
  });

  it('reads only the version folder written during this run; an older one is left out with a note', async () => {
    await withTemp(async (dir) => {
      const logs = path.join(dir, 'lightning_logs');
      await cp(path.join(fixtures, 'resumed'), path.join(logs, 'version_0'), { recursive: true });
      await cp(path.join(fixtures, 'pytorch'), path.join(logs, 'version_1'), { recursive: true });
      const hourAgo = new Date(Date.now() - 3600_000);
      for (const name of [
        'events.out.tfevents.1700000200.fixture-host.11.0',
        'events.out.tfevents.1700000300.fixture-host.12.0',
      ]) {
        await utimes(path.join(logs, 'version_0', name), hourAgo, hourAgo);
      }
      const started = new Date(Date.now() - 60_000);
      const data = readStructuredMetrics(logs, { notBefore: started, baseDir: dir })!;
      assert.deepEqual(
        [...data.series.keys()].sort(),
        ['eval/accuracy', 'train/loss', 'train/lr'],
        'no version_ prefix, nothing of version_0',
      );
      assert.ok(
        data.notes.some((note) => note.includes('2 event files from earlier runs left out: version_0/')),
        data.notes.join('\n'),
      );

      // compare has no run start: two versions are two runs, refused rather than mixed.
      const error = readError(logs);
      assert.match(error.message, /holds 2 runs of one logger \(version_0, version_1\)/);
      assert.match(error.hint ?? '', /lightning_logs\/version_1/);

      // Every version older than the run: the training logged elsewhere, and the message names what was found.
      const later = readError(logs, new Date(Date.now() + 3600_000));
      assert.match(
        later.message,
        /no TensorBoard event file in .* was written during this run .* found only older ones: version_0\/events/,
      );
    });
  });
});
