import protobuf from 'protobufjs';
import {
  EVENT_STEP,
  EVENT_WALL_TIME,
  EVENT_SUMMARY,
  SUMMARY_VALUE,
  TensorType,
  VALUE_KIND_BY_FIELD,
  VALUE_SIMPLE,
  VALUE_TAG,
  VALUE_TENSOR,
  type SummaryValueKind,
  type TensorValue,
} from './event-schema.ts';
import { ScalarSummaries } from './scalar-summaries.ts';
import { TagStrings } from './tag-strings.ts';

export interface EventVisitor {
  /**
   * One Summary.Value of a summary event: `tagId` numbers its tag (EventReader.tag gives it back), the
   * same number for the same tag throughout; `simpleValue` is set when kind is 'simpleValue', `tensor`
   * when 'tensor'.
   */
  value(
    step: number,
    tagId: number,
    kind: SummaryValueKind | null,
    simpleValue: number,
    tensor: TensorValue | null,
  ): void;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;
/** The keys (field number and wire type) of Event's wall_time and step, and the bytes of a wall_time field. */
const WALL_TIME_KEY = (EVENT_WALL_TIME << 3) | WIRE_FIXED64;
const STEP_KEY = (EVENT_STEP << 3) | WIRE_VARINT;
const WALL_TIME_FIELD_BYTES = 9;

/**
 * Walks Event messages (TFRecord payloads) and hands each `summary.value[]` to the visitor with the
 * event's step and its tag's number. The walk reads the wire with protobufjs's Reader, field by field
 * as event-schema.ts numbers them; it does not build an object per message: a log holds millions of
 * small events, and the generated decoder's oneof bookkeeping cost about ten times the reading itself.
 * For the same reason one Reader is pointed at each payload in turn, tags are looked up by their
 * bytes (TagStrings) rather than decoded each time, and an event laid out as writers lay them out
 * (wall_time, step, then a summary of one scalar whose bytes were seen before but for its float) has
 * only its wall_time and step read (ScalarSummaries). TensorProto values (TF2 scalars,
 * rare and small) are decoded whole by protobufjs. Fields appear in any order and repeat as protobuf
 * allows (the last of a oneof wins); unknown fields are skipped.
 */
export class EventReader {
  private readonly reader = protobuf.Reader.create(new Uint8Array(0));
  private readonly tags = new TagStrings();
  /** A value without a tag field has the empty tag (proto3's default). */
  private readonly emptyTagId = this.tags.read(new Uint8Array(0), 0, 0);
  /** A DataView of the reader's bytes, for simple_value (protobufjs's float() copies the 4 bytes to a scratch array first). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private readonly summaries = new ScalarSummaries();
  /** Of the last value handed to the visitor: its tag, and where its simple_value's float starts (-1: not a simple value). */
  private lastTagId = 0;
  private lastFloatAt = -1;

  /**
   * Reads the Event message in `bytes[start, end)`; `view` is a DataView of all of `bytes` (see
   * OnRecord in tfrecord.ts). Throws protobufjs's Error (or RangeError) when it is not a well-formed message.
   */
  read(bytes: Uint8Array, view: DataView, start: number, end: number, visitor: EventVisitor): void {
    const reader = this.reader;
    reader.buf = bytes;
    reader.pos = start;
    reader.len = end;
    this.view = view;
    // A writer's usual event: wall_time, step, then a summary remembered by ScalarSummaries to the end.
    if (end - start > WALL_TIME_FIELD_BYTES && reader.uint32() === WALL_TIME_KEY) {
      reader.skip(8);
      if (reader.uint32() === STEP_KEY) {
        const step = readStep(reader);
        const known = this.summaries.find(view, reader.pos, end);
        if (known >= 0) {
          visitor.value(step, known, 'simpleValue', view.getFloat32(end - 4, true), null);
          return;
        }
      }
    }
    reader.pos = start;
    let step = 0;
    let summaryKeyAt = -1;
    let summaryStart = -1;
    let summaryEnd = -1;
    while (reader.pos < reader.len) {
      const keyAt = reader.pos;
      const key = reader.uint32();
      const field = key >>> 3;
      const wireType = key & 7;
      if (field === EVENT_STEP && wireType === WIRE_VARINT) step = readStep(reader);
      else if (field === EVENT_SUMMARY && wireType === WIRE_LENGTH_DELIMITED) {
        const length = reader.uint32();
        summaryKeyAt = keyAt;
        summaryStart = reader.pos;
        summaryEnd = summaryStart + length;
        reader.skip(length);
      } else reader.skipType(wireType);
    }
    if (summaryStart < 0) return;
    // The step may follow the summary on the wire, so the summary is read once the whole event has been.
    reader.pos = summaryStart;
    let values = 0;
    while (reader.pos < summaryEnd) {
      const key = reader.uint32();
      if (key >>> 3 === SUMMARY_VALUE && (key & 7) === WIRE_LENGTH_DELIMITED) {
        const end = reader.uint32() + reader.pos;
        this.readValue(end, step, visitor);
        reader.pos = end;
        values++;
      } else reader.skipType(key & 7);
    }
    // Remembered from the summary's key: the event's last field, one value, its simple_value last.
    if (values === 1 && summaryEnd === end && this.lastFloatAt === end - 4)
      this.summaries.remember(view, summaryKeyAt, end, this.lastTagId);
  }

  /** The tag numbered `id` in a value handed to the visitor. */
  tag(id: number): string {
    return this.tags.tag(id);
  }

  private readValue(end: number, step: number, visitor: EventVisitor): void {
    const reader = this.reader;
    let tagId = this.emptyTagId;
    let kind: SummaryValueKind | null = null;
    let simpleValue = 0;
    let tensor: TensorValue | null = null;
    let floatAt = -1;
    while (reader.pos < end) {
      const key = reader.uint32();
      const field = key >>> 3;
      const wireType = key & 7;
      if (field === VALUE_TAG && wireType === WIRE_LENGTH_DELIMITED) {
        const length = reader.uint32();
        const start = reader.pos;
        reader.skip(length);
        tagId = this.tags.read(reader.buf, start, reader.pos);
      } else if (field === VALUE_SIMPLE && wireType === WIRE_FIXED32) {
        kind = 'simpleValue';
        floatAt = reader.pos;
        reader.skip(4); // throws when the float runs past the value
        simpleValue = this.view.getFloat32(floatAt, true);
      } else if (field === VALUE_TENSOR && wireType === WIRE_LENGTH_DELIMITED) {
        kind = 'tensor';
        tensor = TensorType.decode(reader, reader.uint32()) as unknown as TensorValue;
      } else {
        const other = VALUE_KIND_BY_FIELD.get(field);
        if (other !== undefined && wireType === WIRE_LENGTH_DELIMITED) kind = other;
        reader.skipType(wireType);
      }
    }
    visitor.value(step, tagId, kind, simpleValue, tensor);
    this.lastTagId = tagId;
    this.lastFloatAt = kind === 'simpleValue' ? floatAt : -1;
  }
}

/**
 * The int64 step. protobufjs reads an int64 as a Long, an object per event; a varint of at most 4
 * bytes (a value below 2^28: the steps of most logs) reads the same as a uint32, which builds none.
 * Longer varints (larger or negative steps) are read again as int64.
 */
function readStep(reader: protobuf.Reader): number {
  const start = reader.pos;
  const small = reader.uint32();
  if (reader.pos - start <= 4) return small;
  reader.pos = start;
  return toNumber(reader.int64());
}

/**
 * int64 on the wire: protobufjs gives a Long (long.js is installed with it) or, without long.js, a number.
 * The Long's signed high and unsigned low halves are added here, as LongBits.toNumber does, without
 * building a LongBits for each event.
 */
function toNumber(value: number | protobuf.Long): number {
  return typeof value === 'number' ? value : value.high * 2 ** 32 + (value.low >>> 0);
}
