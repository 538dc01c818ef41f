import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  metadataStep,
  readTensorBytes,
  withCheckpoint
} from "./chunk-O7PLZ7CT.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/checkpoints/fingerprint.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import path from "node:path";
var CHUNK_BYTES = 4 * 1024 * 1024;
async function fingerprintCheckpoint(file, chunkBytes = CHUNK_BYTES) {
  return withCheckpoint(file, (checkpoint) => fingerprintOpened(checkpoint, chunkBytes));
}
async function fingerprintOpened(checkpoint, chunkBytes = CHUNK_BYTES) {
  const buffer = new Uint8Array(chunkBytes);
  const hashes = /* @__PURE__ */ new Map();
  const inFileOrder = [...checkpoint.tensors].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.segments[0]?.position ?? 0) - (b.segments[0]?.position ?? 0)
  );
  for (const tensor of inFileOrder) hashes.set(tensor.name, await tensorSha256(tensor, buffer));
  const tensors = checkpoint.tensors.map((tensor) => ({
    name: tensor.name,
    dtype: tensor.dtype,
    shape: tensor.shape,
    sha256: hashes.get(tensor.name)
  }));
  return { path: checkpoint.path, step: checkpointStep(checkpoint.metadata, checkpoint.path), tensors };
}
async function tensorSha256(tensor, buffer) {
  const hash = createHash("sha256");
  const half = Math.max(1, Math.floor(buffer.length / 2));
  const halves = [buffer.subarray(0, half), buffer.subarray(half, 2 * half)];
  const read = (offset, index) => readTensorBytes(tensor, offset, halves[index % 2].subarray(0, Math.min(half, tensor.byteLength - offset)));
  let next = tensor.byteLength > 0 ? read(0, 0) : null;
  for (let offset = 0, index = 0; next !== null; offset += half, index++) {
    const chunk = await next;
    next = offset + half < tensor.byteLength ? read(offset + half, index + 1) : null;
    hash.update(chunk);
  }
  return hash.digest("hex");
}
function checkpointStep(metadata, file) {
  const fromMetadata = metadataStep(metadata);
  if (fromMetadata !== null) return fromMetadata;
  const numbers = path.basename(file).match(/\d+/g);
  return numbers ? Number(numbers.at(-1)) : 0;
}

export {
  CHUNK_BYTES,
  fingerprintCheckpoint
};
