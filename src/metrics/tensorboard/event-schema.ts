import protobuf from 'protobufjs';
import descriptor from './tensorboard-proto.json' with { type: 'json' };

/**
 * The messages of a TensorBoard event file (tensorboard.proto beside this file: TensorBoard's own
 * definitions, trimmed to what a scalar reader needs), in protobufjs's JSON form so that the bundle
 * needs no .proto file at run time.
 */

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

const root = protobuf.Root.fromJSON(descriptor);
const EventType = root.lookupType('tensorboard.Event');
const SummaryType = root.lookupType('tensorboard.Summary');
const ValueType = root.lookupType('tensorboard.Summary.Value');
export const TensorType = root.lookupType('tensorboard.TensorProto');

// Field numbers, taken from the definitions rather than repeated as literals.
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
