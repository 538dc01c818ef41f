import protobuf from 'protobufjs';

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

const root = protobuf.parse(TENSORBOARD_PROTO, { keepCase: false }).root;
const EventType = root.lookupType('tensorboard.Event');
const SummaryType = root.lookupType('tensorboard.Summary');
const ValueType = root.lookupType('tensorboard.Summary.Value');
export const TensorType = root.lookupType('tensorboard.TensorProto');

// Field numbers, taken from the definitions above rather than repeated as literals.
export const EVENT_WALL_TIME = EventType.fields.wallTime!.id;
export const EVENT_STEP = EventType.fields.step!.id;
export const EVENT_SUMMARY = EventType.fields.summary!.id;
export const SUMMARY_VALUE = SummaryType.fields.value!.id;
export const VALUE_TAG = ValueType.fields.tag!.id;
export const VALUE_KIND_BY_FIELD = new Map<number, SummaryValueKind>(
  ValueType.oneofs.value!.fieldsArray.map((field) => [field.id, field.name as SummaryValueKind]),
);
export const VALUE_SIMPLE = ValueType.fields.simpleValue!.id;
export const VALUE_TENSOR = ValueType.fields.tensor!.id;
