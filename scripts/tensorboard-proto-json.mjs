// Writes src/metrics/tensorboard/tensorboard-proto.json, protobufjs's JSON form of the TensorBoard
// messages in tensorboard.proto beside it (the reader loads the JSON, so the bundle needs no .proto
// file). Field names are camel-cased as protobuf.parse does by default.
import { readFileSync, writeFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const dir = new URL('../src/metrics/tensorboard/', import.meta.url);
const root = protobuf.parse(readFileSync(new URL('tensorboard.proto', dir), 'utf8'), { keepCase: false }).root;
writeFileSync(new URL('tensorboard-proto.json', dir), `${JSON.stringify(root.toJSON(), null, 2)}\n`);
