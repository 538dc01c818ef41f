import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  describeForeignWeights
} from "./chunk-MJO2A4YZ.js";
import {
  LENGTH_PREFIX_BYTES,
  parseSafetensorsHeader,
  readHeaderLength,
  tensorByteLength
} from "./chunk-KMS2X7K7.js";
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/checkpoints/source.ts
init_define_REPRO_CHART_LIBRARY();
import { open, stat } from "node:fs/promises";
import path3 from "node:path";

// src/checkpoints/checkpoint.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
var CHECKPOINT_DTYPES = ["F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL"];
var FLOAT_DTYPES = /* @__PURE__ */ new Set(["F64", "F32", "F16", "BF16"]);
function sortByName(tensors) {
  return tensors.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
async function readJsonObject(file) {
  const text = await readFile(file, "utf8").catch((error) => {
    throw new InputFileError(file, void 0, `cannot be read (${error.code ?? error.message})`);
  });
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, void 0, `is not valid JSON (${error.message})`);
  }
  if (!isPlainObject(value)) throw new InputFileError(file, void 0, "must hold a JSON object");
  return value;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/checkpoints/safetensors-source.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function readSafetensorsHeader(file, handle) {
  const { size } = await handle.stat();
  const prefix = new Uint8Array(16);
  const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
  const foreign = describeForeignWeights(prefix.subarray(0, bytesRead), file);
  if (foreign) throw new InputFileError(file, void 0, `not a safetensors file: ${foreign}`);
  const headerLength = readHeaderLength(prefix.subarray(0, bytesRead), size, file);
  const headerBytes = new Uint8Array(headerLength);
  await handle.read(headerBytes, 0, headerLength, LENGTH_PREFIX_BYTES);
  const { metadata, entries, dataStart } = parseSafetensorsHeader(
    headerBytes,
    size - LENGTH_PREFIX_BYTES - headerLength,
    file
  );
  const tensors = entries.map((entry) => ({
    name: entry.name,
    dtype: checkpointDtype(entry.dtype, entry.name, file),
    shape: entry.shape,
    byteLength: entry.end - entry.begin,
    file,
    segments: [{ handle, file, position: dataStart + entry.begin, length: entry.end - entry.begin }]
  }));
  return { metadata, tensors };
}
function checkpointDtype(dtype, tensor, file) {
  if (CHECKPOINT_DTYPES.includes(dtype)) return dtype;
  throw new InputFileError(
    file,
    void 0,
    `tensor "${tensor}" has dtype ${dtype}, which repro-check does not read; accepted: ${CHECKPOINT_DTYPES.join(", ")}`
  );
}
async function openShardedSafetensors(given, indexFile, openFile) {
  const index = await readJsonObject(indexFile);
  const weightMap = index.weight_map;
  if (!isPlainObject(weightMap) || !Object.values(weightMap).every((shard) => typeof shard === "string" && shard !== "")) {
    throw new InputFileError(
      indexFile,
      void 0,
      'a shard index needs "weight_map": {tensor name: shard file name}, as `save_pretrained` writes it'
    );
  }
  const shardNames = [...new Set(Object.values(weightMap))].sort();
  const tensors = [];
  let metadata = null;
  for (const shardName of shardNames) {
    const shardFile = path.resolve(path.dirname(indexFile), shardName);
    const shard = await readSafetensorsHeader(shardFile, await openFile(shardFile));
    metadata ??= shard.metadata;
    for (const tensor of shard.tensors) {
      if (weightMap[tensor.name] !== shardName)
        throw new InputFileError(
          indexFile,
          void 0,
          `shard ${shardName} holds tensor "${tensor.name}", which weight_map ${weightMap[tensor.name] === void 0 ? "does not list" : `puts in ${String(weightMap[tensor.name])}`}`
        );
      tensors.push(tensor);
    }
  }
  const found = new Set(tensors.map((tensor) => tensor.name));
  const absent = Object.keys(weightMap).filter((name) => !found.has(name));
  if (absent.length > 0)
    throw new InputFileError(
      indexFile,
      void 0,
      `weight_map lists tensors no shard holds: ${absent.slice(0, 5).join(", ")}${absent.length > 5 ? ` and ${absent.length - 5} more` : ""}`
    );
  return { path: given, format: "safetensors-sharded", metadata, tensors: sortByName(tensors) };
}

// src/checkpoints/tfjs-source.ts
init_define_REPRO_CHART_LIBRARY();
import path2 from "node:path";
var TFJS_DTYPES = { float32: "F32", int32: "I32", bool: "BOOL" };
async function openTfjsModel(given, modelFile, openFile) {
  const model = await readJsonObject(modelFile);
  if (!Array.isArray(model.weightsManifest)) {
    throw new InputFileError(
      modelFile,
      void 0,
      'a JSON checkpoint must be a TensorFlow.js model.json (with "weightsManifest") or a safetensors shard index (*.safetensors.index.json with "weight_map")'
    );
  }
  const tensors = [];
  for (const [groupIndex, group] of model.weightsManifest.entries()) {
    const where = `weightsManifest[${groupIndex}]`;
    if (!isPlainObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new InputFileError(modelFile, void 0, `${where} needs "paths" and "weights" arrays`);
    const shards = await openShards(modelFile, where, group.paths, openFile);
    const total = shards.reduce((sum, shard) => sum + shard.size, 0);
    let streamOffset = 0;
    for (const weight of group.weights) {
      const { name, dtype, shape } = readWeight(modelFile, where, weight);
      const byteLength = tensorByteLength(dtype, shape);
      const segments = segmentsOf(shards, streamOffset, byteLength);
      if (!segments)
        throw new InputFileError(
          modelFile,
          void 0,
          `weight "${name}" runs past the end of the shard files of ${where} (${total} bytes)`
        );
      tensors.push({ name, dtype, shape, byteLength, file: segments[0]?.file ?? modelFile, segments });
      streamOffset += byteLength;
    }
    if (streamOffset !== total)
      throw new InputFileError(
        modelFile,
        void 0,
        `the weights of ${where} take ${streamOffset} bytes, but its shard files hold ${total}`
      );
  }
  const names = /* @__PURE__ */ new Set();
  for (const tensor of tensors) {
    if (names.has(tensor.name))
      throw new InputFileError(modelFile, void 0, `two weights are named "${tensor.name}"`);
    names.add(tensor.name);
  }
  return { path: given, format: "tfjs", metadata: null, tensors: sortByName(tensors) };
}
async function openShards(modelFile, where, paths, openFile) {
  const shards = [];
  for (const shardName of paths) {
    if (typeof shardName !== "string")
      throw new InputFileError(modelFile, void 0, `${where}.paths must be file names`);
    const shardFile = path2.resolve(path2.dirname(modelFile), shardName);
    const handle = await openFile(shardFile);
    shards.push({ handle, size: (await handle.stat()).size, file: shardFile });
  }
  return shards;
}
function readWeight(modelFile, where, weight) {
  if (!isPlainObject(weight) || typeof weight.name !== "string" || !Array.isArray(weight.shape) || !weight.shape.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new InputFileError(
      modelFile,
      void 0,
      `${where}.weights: each weight needs "name", "shape" (non-negative integers) and "dtype"`
    );
  }
  if (weight.quantization !== void 0)
    throw new InputFileError(
      modelFile,
      void 0,
      `weight "${weight.name}" is quantized, which repro-check does not read; export the model without --quantize_*`
    );
  const dtype = TFJS_DTYPES[String(weight.dtype)];
  if (!dtype)
    throw new InputFileError(
      modelFile,
      void 0,
      `weight "${weight.name}" has dtype ${String(weight.dtype)}, which repro-check does not read; accepted: ${Object.keys(TFJS_DTYPES).join(", ")}`
    );
  return { name: weight.name, dtype, shape: weight.shape };
}
function segmentsOf(shards, offset, length) {
  const segments = [];
  let start = offset;
  let left = length;
  for (const shard of shards) {
    if (left === 0) break;
    if (start >= shard.size) {
      start -= shard.size;
      continue;
    }
    const take = Math.min(shard.size - start, left);
    segments.push({ handle: shard.handle, file: shard.file, position: start, length: take });
    left -= take;
    start = 0;
  }
  return left === 0 ? segments : null;
}

// src/checkpoints/source.ts
var SHARD_INDEX_SUFFIX = ".index.json";
var FOLDER_ENTRIES = ["model.safetensors.index.json", "model.safetensors", "model.json"];
async function openCheckpoint(file) {
  const resolved = await resolveFolder(file);
  const handles = [];
  const close = async () => {
    await Promise.all(handles.map((handle) => handle.close().catch(() => void 0)));
  };
  const openFile = async (name) => {
    const handle = await open(name, "r").catch((error) => {
      throw new InputFileError(name, void 0, `cannot be read (${error.code ?? error.message})`);
    });
    handles.push(handle);
    return handle;
  };
  try {
    if (resolved.endsWith(SHARD_INDEX_SUFFIX))
      return { ...await openShardedSafetensors(file, resolved, openFile), close };
    if (resolved.toLowerCase().endsWith(".json")) return { ...await openTfjsModel(file, resolved, openFile), close };
    const { metadata, tensors } = await readSafetensorsHeader(resolved, await openFile(resolved));
    return { path: file, format: "safetensors", metadata, tensors: sortByName(tensors), close };
  } catch (error) {
    await close();
    throw error;
  }
}
async function withCheckpoint(file, body) {
  const checkpoint = await openCheckpoint(file);
  try {
    return await body(checkpoint);
  } finally {
    await checkpoint.close();
  }
}
async function readTensorBytes(tensor, offset, into) {
  let filled = 0;
  let skip = offset;
  for (const segment of tensor.segments) {
    if (filled === into.length) break;
    if (skip >= segment.length) {
      skip -= segment.length;
      continue;
    }
    const wanted = Math.min(segment.length - skip, into.length - filled);
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await segment.handle.read(
        into,
        filled + done,
        wanted - done,
        segment.position + skip + done
      );
      if (bytesRead === 0)
        throw new InputFileError(
          tensor.file,
          void 0,
          `tensor "${tensor.name}" ends early: the file was cut short or changed while it was read`
        );
      done += bytesRead;
    }
    filled += wanted;
    skip = 0;
  }
  return into;
}
async function resolveFolder(file) {
  const info = await stat(file).catch((error) => {
    throw new InputFileError(
      file,
      void 0,
      `cannot be read (${error.code === "ENOENT" ? "no such file" : error.code ?? error.message})`
    );
  });
  if (!info.isDirectory()) return file;
  for (const name of FOLDER_ENTRIES) {
    const candidate = path3.join(file, name);
    if (await stat(candidate).then(
      () => true,
      () => false
    ))
      return candidate;
  }
  throw new InputFileError(
    file,
    void 0,
    "is a folder without model.safetensors.index.json, model.safetensors or model.json; name the checkpoint file"
  );
}

// src/checkpoints/order.ts
init_define_REPRO_CHART_LIBRARY();
import path4 from "node:path";
var naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });
function orderCheckpoints(checkpoints) {
  const byName = (a, b) => naturalOrder.compare(path4.basename(a.path), path4.basename(b.path)) || naturalOrder.compare(a.path, b.path);
  const allStepped = checkpoints.every((c) => c.step !== null);
  return [...checkpoints].sort((a, b) => (allStepped ? a.step - b.step : 0) || byName(a, b));
}
function metadataStep(metadata) {
  const step = metadata?.step;
  return step !== void 0 && /^\d+$/.test(step) ? Number(step) : null;
}

export {
  orderCheckpoints,
  metadataStep,
  FLOAT_DTYPES,
  openCheckpoint,
  withCheckpoint,
  readTensorBytes
};
