import protobuf from 'protobufjs';
import { TagStrings } from './tag-strings.ts';

/**
 * The messages of a TensorBoard event file, written from TensorBoard's published definitions
 * (tensorboard/compat/proto/event.proto, summary.proto, tensor.proto, tensor_shape.proto, types.proto;
 * the same as TensorFlow's tensorflow/core/util/event.proto and tensorflow/core/framework/*.proto).
 * Field numbers and types are exact. Only what a scalar reader needs is spelled out: the parts it only
 * counts or skips (graphs, images, histograms, audio, session logs, plugin metadata) are declared as
 * `bytes`, which is the same wire type as an embedded message, so they are framed but never decoded.
 * DataType keeps the values a scalar can have (types.proto numbers them; the rest are read as numbers).
 */
const TENSORBOARD_PROTO = `
syntax = "proto3";
package tensorboard;

message Event {
  double wall_time = 1;
  int64 step = 2;
  oneof what {
    string file_version = 3;
    bytes graph_def = 4;
    Summary summary = 5;
    bytes log_message = 6;
    bytes session_log = 7;
    bytes tagged_run_metadata = 8;
    bytes meta_graph_def = 9;
  }
  bytes source_metadata = 10;
}

message Summary {
  message Value {
    string node_name = 7;
    string tag = 1;
    bytes metadata = 9;
    oneof value {
      float simple_value = 2;
      bytes obsolete_old_style_histogram = 3;
      bytes image = 4;
      bytes histo = 5;
      bytes audio = 6;
      TensorProto tensor = 8;
    }
  }
  repeated Value value = 1;
}

enum DataType {
  DT_INVALID = 0;
  DT_FLOAT = 1;
  DT_DOUBLE = 2;
}

message TensorShapeProto {
  message Dim {
    int64 size = 1;
    string name = 2;
  }
  repeated Dim dim = 2;
  bool unknown_rank = 3;
}

message TensorProto {
  DataType dtype = 1;
  TensorShapeProto tensor_shape = 2;
  int32 version_number = 3;
  bytes tensor_content = 4;
  repeated float float_val = 5 [packed = true];
  repeated double double_val = 6 [packed = true];
}
`;

/** DataType values (types.proto) that a scalar metric can have. */
export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;

export interface TensorValue {
  dtype: number;
  tensorShape: { dim: Array<{ size: number | { toNumber(): number } }> } | null;
  tensorContent: Uint8Array;
  floatVal: number[];
  doubleVal: number[];
}

/** What a Summary.Value holds: its `value` oneof's field, or null when none is set. */
export type SummaryValueKind = 'simpleValue' | 'obsoleteOldStyleHistogram' | 'image' | 'histo' | 'audio' | 'tensor';

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

const root = protobuf.parse(TENSORBOARD_PROTO, { keepCase: false }).root;
const EventType = root.lookupType('tensorboard.Event');
const SummaryType = root.lookupType('tensorboard.Summary');
const ValueType = root.lookupType('tensorboard.Summary.Value');
const TensorType = root.lookupType('tensorboard.TensorProto');

// Field numbers, taken from the definitions above rather than repeated as literals.
const EVENT_STEP = EventType.fields.step!.id;
const EVENT_SUMMARY = EventType.fields.summary!.id;
const SUMMARY_VALUE = SummaryType.fields.value!.id;
const VALUE_TAG = ValueType.fields.tag!.id;
const VALUE_KIND_BY_FIELD = new Map<number, SummaryValueKind>(
  ValueType.oneofs.value!.fieldsArray.map((field) => [field.id, field.name as SummaryValueKind]),
);
const VALUE_SIMPLE = ValueType.fields.simpleValue!.id;
const VALUE_TENSOR = ValueType.fields.tensor!.id;

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

/**
 * Walks Event messages (TFRecord payloads) and hands each `summary.value[]` to the visitor with the
 * event's step and its tag's number. The walk reads the wire with protobufjs's Reader, field by field as the definitions above
 * number them; it does not build an object per message: a log holds millions of small events, and the
 * generated decoder's oneof bookkeeping cost about ten times the reading itself. For the same reason one
 * Reader is pointed at each payload in turn, and tags are looked up by their bytes (TagStrings) rather
 * than decoded each time. TensorProto values (TF2 scalars, rare and small) are decoded whole by
 * protobufjs. Fields appear in any order and repeat as protobuf allows (the last of a oneof wins);
 * unknown fields are skipped.
 */
export class EventReader {
  private readonly reader = protobuf.Reader.create(new Uint8Array(0));
  private readonly tags = new TagStrings();
  /** A value without a tag field has the empty tag (proto3's default). */
  private readonly emptyTagId = this.tags.read(new Uint8Array(0), 0, 0);

  /** Throws protobufjs's Error (or RangeError) when `payload` is not a well-formed message. */
  read(payload: Uint8Array, visitor: EventVisitor): void {
    const reader = this.reader;
    reader.buf = payload;
    reader.pos = 0;
    reader.len = payload.length;
    let step = 0;
    let summaryStart = -1;
    let summaryEnd = -1;
    while (reader.pos < reader.len) {
      const key = reader.uint32();
      const field = key >>> 3;
      const wireType = key & 7;
      if (field === EVENT_STEP && wireType === WIRE_VARINT) step = readStep(reader);
      else if (field === EVENT_SUMMARY && wireType === WIRE_LENGTH_DELIMITED) {
        const length = reader.uint32();
        summaryStart = reader.pos;
        summaryEnd = summaryStart + length;
        reader.skip(length);
      } else reader.skipType(wireType);
    }
    if (summaryStart < 0) return;
    // The step may follow the summary on the wire, so the summary is read once the whole event has been.
    reader.pos = summaryStart;
    while (reader.pos < summaryEnd) {
      const key = reader.uint32();
      if (key >>> 3 === SUMMARY_VALUE && (key & 7) === WIRE_LENGTH_DELIMITED) {
        const end = reader.uint32() + reader.pos;
        this.readValue(end, step, visitor);
        reader.pos = end;
      } else reader.skipType(key & 7);
    }
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
        simpleValue = reader.float();
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
