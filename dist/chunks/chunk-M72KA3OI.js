import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  InputFileError
} from "./chunk-IOLXGZRS.js";

// src/safetensors/dtypes.ts
var DTYPE_SIZES = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8
};
var SUPPORTED_DTYPES = Object.keys(DTYPE_SIZES);
function isSupportedDtype(name) {
  return Object.hasOwn(DTYPE_SIZES, name);
}
function dtypeSize(dtype) {
  return DTYPE_SIZES[dtype];
}
function dtypeRank(dtype) {
  return SUPPORTED_DTYPES.indexOf(dtype);
}

// src/safetensors/format.ts
var MAX_HEADER_BYTES = 1e8;
var LENGTH_PREFIX_BYTES = 8;
var METADATA_KEY = "__metadata__";
function parseSafetensors(bytes, fileLabel) {
  const fail = (problem) => {
    throw new InputFileError(fileLabel, void 0, `not a valid safetensors file: ${problem}`);
  };
  if (bytes.length < LENGTH_PREFIX_BYTES) fail(`it is ${bytes.length} bytes long, shorter than the 8-byte header length that starts every safetensors file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredHeaderLength = view.getBigUint64(0, true);
  if (declaredHeaderLength > BigInt(MAX_HEADER_BYTES)) fail(`the header length ${declaredHeaderLength} is over the ${MAX_HEADER_BYTES}-byte limit`);
  const headerLength = Number(declaredHeaderLength);
  if (LENGTH_PREFIX_BYTES + headerLength > bytes.length) {
    fail(`the header length ${headerLength} runs past the end of the file (${bytes.length} bytes, so at most ${bytes.length - LENGTH_PREFIX_BYTES})`);
  }
  let header;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(LENGTH_PREFIX_BYTES, LENGTH_PREFIX_BYTES + headerLength)));
  } catch (error) {
    fail(`the header is not UTF-8 JSON (${error.message})`);
  }
  if (!isPlainObject(header)) return fail("the header is not a JSON object");
  const dataStart = LENGTH_PREFIX_BYTES + headerLength;
  const dataLength = bytes.length - dataStart;
  let metadata = null;
  const entries = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) {
      metadata = readMetadata(value, fail);
      continue;
    }
    if (!isPlainObject(value)) return fail(`tensor "${name}": expected an object with dtype, shape and data_offsets`);
    const { dtype, shape, data_offsets: offsets } = value;
    if (typeof dtype !== "string") return fail(`tensor "${name}": dtype must be a string`);
    if (!isSupportedDtype(dtype)) return fail(`tensor "${name}" has dtype ${dtype}, which is not supported; supported dtypes: ${SUPPORTED_DTYPES.join(", ")}`);
    if (!Array.isArray(shape) || !shape.every(isCount)) return fail(`tensor "${name}": shape must be an array of non-negative integers`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) return fail(`tensor "${name}": data_offsets must be [begin, end] with non-negative integers`);
    const [start, end] = offsets;
    if (end < start) fail(`tensor "${name}": data_offsets [${start}, ${end}] end before they begin`);
    const expectedBytes = shape.reduce((product, extent) => product * extent, 1) * dtypeSize(dtype);
    if (end - start !== expectedBytes) {
      fail(`tensor "${name}": ${dtype} with shape [${shape.join(", ")}] needs ${expectedBytes} bytes, but data_offsets [${start}, ${end}] hold ${end - start}`);
    }
    entries.push({ name, dtype, shape: [...shape], start, end });
  }
  entries.sort((a, b) => a.start - b.start || a.end - b.end);
  let covered = 0;
  for (const entry of entries) {
    if (entry.start < covered) fail(`tensor "${entry.name}": data_offsets [${entry.start}, ${entry.end}] overlap the previous tensor, which ends at ${covered}`);
    if (entry.start > covered) fail(`tensor "${entry.name}": data_offsets [${entry.start}, ${entry.end}] leave a gap after byte ${covered}`);
    if (entry.end > dataLength) fail(`tensor "${entry.name}": data_offsets [${entry.start}, ${entry.end}] run past the end of the data (${dataLength} bytes)`);
    covered = entry.end;
  }
  if (covered !== dataLength) fail(`the tensors cover ${covered} bytes of data, but the file holds ${dataLength} after the header`);
  return {
    metadata,
    tensors: entries.map(({ name, dtype, shape, start, end }) => ({ name, dtype, shape, data: bytes.subarray(dataStart + start, dataStart + end) }))
  };
}
function serializeSafetensors(tensors, metadata) {
  const names = /* @__PURE__ */ new Set();
  for (const tensor of tensors) {
    if (tensor.name === "" || tensor.name === METADATA_KEY) throw new TypeError(`a tensor cannot be named ${JSON.stringify(tensor.name)}`);
    if (names.has(tensor.name)) throw new TypeError(`two tensors are named "${tensor.name}"`);
    names.add(tensor.name);
    if (!isSupportedDtype(tensor.dtype)) throw new TypeError(`tensor "${tensor.name}" has dtype ${String(tensor.dtype)}; supported dtypes: ${SUPPORTED_DTYPES.join(", ")}`);
    const expectedBytes = tensor.shape.reduce((product, extent) => product * extent, 1) * dtypeSize(tensor.dtype);
    if (tensor.data.length !== expectedBytes) throw new TypeError(`tensor "${tensor.name}": ${tensor.dtype} [${tensor.shape.join(", ")}] needs ${expectedBytes} bytes, got ${tensor.data.length}`);
  }
  if (metadata !== null) {
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== "string") throw new TypeError(`__metadata__ "${key}" must be a string (the Python library rejects other types); put structured data in a JSON string`);
    }
  }
  const ordered = [...tensors].sort((a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header = metadata === null ? {} : { [METADATA_KEY]: metadata };
  let offset = 0;
  for (const tensor of ordered) {
    header[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + tensor.data.length] };
    offset += tensor.data.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const file = new Uint8Array(LENGTH_PREFIX_BYTES + headerLength + offset);
  new DataView(file.buffer).setBigUint64(0, BigInt(headerLength), true);
  file.set(json, LENGTH_PREFIX_BYTES);
  file.fill(32, LENGTH_PREFIX_BYTES + json.length, LENGTH_PREFIX_BYTES + headerLength);
  let position = LENGTH_PREFIX_BYTES + headerLength;
  for (const tensor of ordered) {
    file.set(tensor.data, position);
    position += tensor.data.length;
  }
  return file;
}
function readMetadata(value, fail) {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail("__metadata__ must be an object of strings");
  const metadata = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") fail(`__metadata__ "${key}" is ${JSON.stringify(entry)}; metadata values must be strings (structured data goes in a JSON string)`);
    metadata[key] = entry;
  }
  return metadata;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isCount(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

export {
  parseSafetensors,
  serializeSafetensors
};
