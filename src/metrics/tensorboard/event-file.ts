import { InputFileError } from '../../errors.ts';
import { collectMetrics, type RecordLocator, type SeriesBuilder } from '../collector.ts';
import type { MetricData } from '../series.ts';
import { EventReader, type EventVisitor } from './event-proto.ts';
import { DT_DOUBLE, DT_FLOAT, type TensorValue } from './event-schema.ts';
import { readTfRecordFile } from './record-file.ts';
import { TfRecordCorruption, type OnRecord } from './tfrecord.ts';

const NON_SCALAR_KINDS: Record<string, string> = {
  image: 'image',
  histo: 'histogram',
  audio: 'audio',
  obsoleteOldStyleHistogram: 'histogram',
  tensor: 'non-scalar tensor',
};

/**
 * Reads the scalar summaries of one TensorBoard run: the event files of one folder, given in the order
 * they were written (a resumed run starts a new file). Every `Summary.Value` with a `simple_value`
 * (PyTorch's SummaryWriter, tensorboardX, TF1) or a one-element DT_FLOAT/DT_DOUBLE `tensor` (TF2's
 * `tf.summary.scalar`, in `float_val`, `double_val` or `tensor_content`) becomes a point of the series
 * named by its tag, at the event's step; wall time is ignored. Where files overlap in steps, the later
 * file's value wins and the collector notes each value that changed. Images, histograms, audio and other
 * tensors are skipped and counted in a note.
 *
 * Throws InputFileError naming the file and byte offset for a record whose CRC does not match or whose
 * payload is not an Event message, and for a negative or too large step. A last record cut short (a
 * writer still running) is skipped with a note.
 */
export function readEventFiles(files: string[]): MetricData {
  // Records are numbered by their byte offset plus the bytes read from the files before theirs, so
  // that one collector can merge the files by step and still name the file and offset of each value.
  const bases: number[] = [];
  const locate = (record: number) => {
    let index = bases.length - 1;
    while (index > 0 && bases[index]! > record) index--;
    return { file: files[index]!, offset: record - bases[index]! };
  };
  const locator: RecordLocator = {
    file: files.join(', '),
    describe: (record) => {
      const { file, offset } = locate(record);
      return `${file} (record at byte ${offset})`;
    },
    // The event file a record is in (no line: records are byte offsets); a resumed run's next file starts a new source.
    place: (record) => ({ file: locate(record).file }),
    error: (record, problem, hint) => {
      const { file, offset } = locate(record);
      return new InputFileError(file, undefined, `record at byte ${offset}: ${problem}`, hint ? { hint } : {});
    },
  };

  let notes: string[] = [];
  const data = collectMetrics(locator, (collector) => {
    notes = []; // collectMetrics may read twice (steps out of order): keep the notes of the last reading only.
    // Every Event carries its own `step` field: the step axis (reported as the file's step key).
    collector.stepKey = 'step';
    collector.stepFix = (step) =>
      `Pass the step when logging: writer.add_scalar(tag, value, global_step=step), tf.summary.scalar(name, value, step=step)${step === 0 ? '; without it every value is logged at step 0' : ', with a step that advances between the calls'}.`;
    bases.length = 0;
    let base = 0;
    files.forEach((file) => {
      bases.push(base);
      const skipped = new Map<string, number>();
      let record = 0;
      // Each tag's series, by the tag's number: no lookup by name per value.
      const seriesByTag: Array<SeriesBuilder | undefined> = [];
      const events = new EventReader();
      const visitor: EventVisitor = {
        value(step, tagId, kind, simpleValue, tensor) {
          const scalar =
            kind === 'simpleValue'
              ? simpleValue
              : kind === 'tensor' && tensor !== null
                ? scalarOfTensor(tensor)
                : undefined;
          if (scalar === undefined) {
            const what = NON_SCALAR_KINDS[kind ?? ''] ?? 'empty value';
            skipped.set(what, (skipped.get(what) ?? 0) + 1);
            return;
          }
          if (!Number.isSafeInteger(step) || step < 0)
            throw locator.error(record, `the event's step ${step} is not a whole number from 0 to 2^53`);
          const series = (seriesByTag[tagId] ??= collector.seriesFor(events.tag(tagId)));
          collector.addPoint(series, step, scalar, record);
        },
      };
      const readRecord: OnRecord = (payload, offset, bytes, view, start) => {
        record = base + offset;
        try {
          events.read(bytes, view, start, start + payload.length, visitor);
        } catch (error) {
          if (error instanceof InputFileError) throw error;
          throw locator.error(record, `not a TensorBoard Event message (${(error as Error).message})`);
        }
      };
      let truncatedAt: number | null;
      try {
        const read = readTfRecordFile(file, readRecord);
        truncatedAt = read.truncatedAt;
        base += read.bytesRead;
      } catch (error) {
        if (!(error instanceof TfRecordCorruption)) throw unreadable(file, error);
        throw new InputFileError(
          file,
          undefined,
          `corrupt TensorBoard event file: ${error.problem} at byte ${error.offset}`,
          {
            hint: 'The file was damaged after it was written (or is not an event file past that point); nothing after that byte can be trusted. Rerun the training to write it again.',
          },
        );
      }
      if (truncatedAt !== null) {
        notes.push(
          `${file}: the last record (from byte ${truncatedAt}) is cut short, as a writer that is still running or was stopped leaves it; it was not read`,
        );
      }
      if (skipped.size > 0) {
        const counts = [...skipped].map(([kind, count]) => `${count} ${kind}`).join(', ');
        notes.push(`${file}: summaries skipped (${counts}); only scalars are compared`);
      }
    });
  });
  if (files.length > 1) {
    notes.unshift(
      `${files.length} event files in one run (a resumed run) were merged by step, in the order they were written; where steps overlap the later file's values are kept: ${files.join(', ')}`,
    );
  }
  data.notes.push(...notes);
  return data;
}

/** An fs error (the file cannot be opened or read) as an InputFileError; any other error as it is. */
function unreadable(file: string, error: unknown): unknown {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || syscall === undefined) return error;
  return new InputFileError(file, undefined, `cannot read the event file: ${code}`, { cause: error });
}

/** TF2 scalars: a DT_FLOAT (or DT_DOUBLE) tensor of one element, stored in a typed list or as raw little-endian bytes. */
function scalarOfTensor(tensor: TensorValue): number | undefined {
  if (tensor.dtype !== DT_FLOAT && tensor.dtype !== DT_DOUBLE) return undefined;
  const dims = tensor.tensorShape?.dim ?? [];
  if (dims.some((d) => (typeof d.size === 'number' ? d.size : d.size.toNumber()) !== 1)) return undefined;
  const width = tensor.dtype === DT_FLOAT ? 4 : 8;
  if (tensor.tensorContent.length > 0) {
    if (tensor.tensorContent.length !== width) return undefined;
    const view = new DataView(tensor.tensorContent.buffer, tensor.tensorContent.byteOffset, width);
    return width === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true);
  }
  const list = tensor.dtype === DT_FLOAT ? tensor.floatVal : tensor.doubleVal;
  return list.length === 1 ? list[0] : undefined;
}
