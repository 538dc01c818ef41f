import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import descriptor from '../../src/metrics/tensorboard/tensorboard-proto.json' with { type: 'json' };

const dir = new URL('../../src/metrics/tensorboard/', import.meta.url);

test('the JSON descriptor the reader loads is what tensorboard.proto says (scripts/tensorboard-proto-json.mjs)', () => {
  const fromProto = protobuf.parse(readFileSync(new URL('tensorboard.proto', dir), 'utf8'), { keepCase: false }).root;
  assert.deepEqual(descriptor, JSON.parse(JSON.stringify(fromProto.toJSON())));
});

test("the descriptor keeps TensorBoard's field numbers and types where the reader looks", () => {
  const root = protobuf.Root.fromJSON(descriptor);
  const event = root.lookupType('tensorboard.Event');
  assert.deepEqual(
    [event.fields.wallTime!.id, event.fields.wallTime!.type, event.fields.step!.id, event.fields.step!.type],
    [1, 'double', 2, 'int64'],
  );
  assert.equal(event.fields.summary!.id, 5);
  const value = root.lookupType('tensorboard.Summary.Value');
  assert.deepEqual(
    [value.fields.tag!.id, value.fields.simpleValue!.id, value.fields.simpleValue!.type],
    [1, 2, 'float'],
  );
  assert.equal(value.fields.tensor!.id, 8);
  const tensor = root.lookupType('tensorboard.TensorProto');
  assert.deepEqual(
    [tensor.fields.tensorContent!.id, tensor.fields.floatVal!.id, tensor.fields.doubleVal!.id],
    [4, 5, 6],
  );
});
