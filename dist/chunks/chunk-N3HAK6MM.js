import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/safetensors/dtypes.ts
init_define_REPRO_CHART_LIBRARY();
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
init_define_REPRO_CHART_LIBRARY();
var MAX_HEADER_BYTES = 1e8;
var LENGTH_PREFIX_BYTES = 8;
var METADATA_KEY = "__metadata__";
function readHeaderLength(prefix, fileSize, fileLabel) {
  if (fileSize < LENGTH_PREFIX_BYTES || prefix.length < LENGTH_PREFIX_BYTES) {
    invalid(
      fileLabel,
      `it is ${fileSize} bytes long, shorter than the 8-byte header length that starts every safetensors file`
    );
  }
  const declared = new DataView(prefix.buffer, prefix.byteOffset, LENGTH_PREFIX_BYTES).getBigUint64(0, true);
  if (declared > BigInt(MAX_HEADER_BYTES))
    invalid(fileLabel, `the header length ${declared} is over the ${MAX_HEADER_BYTES}-byte limit`);
  const headerLength = Number(declared);
  if (LENGTH_PREFIX_BYTES + headerLength > fileSize) {
    invalid(
      fileLabel,
      `the header length ${headerLength} runs past the end of the file (${fileSize} bytes, so at most ${fileSize - LENGTH_PREFIX_BYTES})`
    );
  }
  return headerLength;
}
function parseSafetensorsHeader(headerBytes, dataLength, fileLabel) {
  const fail = (problem) => invalid(fileLabel, problem);
  let header;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch (error) {
    fail(`the header is not UTF-8 JSON (${error.message})`);
  }
  if (!isPlainObject(header)) return fail("the header is not a JSON object");
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
    if (!isSupportedDtype(dtype))
      return fail(
        `tensor "${name}" has dtype ${dtype}, which is not supported; supported dtypes: ${SUPPORTED_DTYPES.join(", ")}`
      );
    if (!Array.isArray(shape) || !shape.every(isCount))
      return fail(`tensor "${name}": shape must be an array of non-negative integers`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount))
      return fail(`tensor "${name}": data_offsets must be [begin, end] with non-negative integers`);
    const [begin, end] = offsets;
    if (end < begin) fail(`tensor "${name}": data_offsets [${begin}, ${end}] end before they begin`);
    const expectedBytes = shape.reduce((product, extent) => product * extent, 1) * dtypeSize(dtype);
    if (end - begin !== expectedBytes) {
      fail(
        `tensor "${name}": ${dtype} with shape [${shape.join(", ")}] needs ${expectedBytes} bytes, but data_offsets [${begin}, ${end}] hold ${end - begin}`
      );
    }
    entries.push({ name, dtype, shape: [...shape], begin, end });
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of entries) {
    if (entry.begin < covered)
      fail(
        `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] overlap the previous tensor, which ends at ${covered}`
      );
    if (entry.begin > covered)
      fail(`tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] leave a gap after byte ${covered}`);
    if (entry.end > dataLength)
      fail(
        `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] run past the end of the data (${dataLength} bytes)`
      );
    covered = entry.end;
  }
  if (covered !== dataLength)
    fail(`the tensors cover ${covered} bytes of data, but the file holds ${dataLength} after the header`);
  return { metadata, entries, dataStart: LENGTH_PREFIX_BYTES + headerBytes.length };
}
function parseSafetensors(bytes, fileLabel) {
  const headerLength = readHeaderLength(bytes, bytes.length, fileLabel);
  const dataStart = LENGTH_PREFIX_BYTES + headerLength;
  const { metadata, entries } = parseSafetensorsHeader(
    bytes.subarray(LENGTH_PREFIX_BYTES, dataStart),
    bytes.length - dataStart,
    fileLabel
  );
  return {
    metadata,
    tensors: entries.map(({ name, dtype, shape, begin, end }) => ({
      name,
      dtype,
      shape,
      data: bytes.subarray(dataStart + begin, dataStart + end)
    }))
  };
}
function safetensorsLayout(specs, metadata) {
  const names = /* @__PURE__ */ new Set();
  for (const spec of specs) {
    if (spec.name === "" || spec.name === METADATA_KEY)
      throw new TypeError(`a tensor cannot be named ${JSON.stringify(spec.name)}`);
    if (names.has(spec.name)) throw new TypeError(`two tensors are named "${spec.name}"`);
    names.add(spec.name);
    if (!isSupportedDtype(spec.dtype))
      throw new TypeError(
        `tensor "${spec.name}" has dtype ${String(spec.dtype)}; supported dtypes: ${SUPPORTED_DTYPES.join(", ")}`
      );
  }
  if (metadata !== null) {
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== "string")
        throw new TypeError(
          `__metadata__ "${key}" must be a string (the Python library rejects other types); put structured data in a JSON string`
        );
    }
  }
  const ordered = [...specs].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  const header = metadata === null ? {} : { [METADATA_KEY]: metadata };
  const entries = [];
  let offset = 0;
  for (const spec of ordered) {
    const bytes = spec.shape.reduce((product, extent) => product * extent, 1) * dtypeSize(spec.dtype);
    header[spec.name] = { dtype: spec.dtype, shape: spec.shape, data_offsets: [offset, offset + bytes] };
    entries.push({ name: spec.name, dtype: spec.dtype, shape: spec.shape, begin: offset, end: offset + bytes });
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const head = new Uint8Array(LENGTH_PREFIX_BYTES + headerLength);
  new DataView(head.buffer).setBigUint64(0, BigInt(headerLength), true);
  head.set(json, LENGTH_PREFIX_BYTES);
  head.fill(32, LENGTH_PREFIX_BYTES + json.length);
  return { head, entries, dataLength: offset };
}
function serializeSafetensors(tensors, metadata) {
  for (const tensor of tensors) {
    if (!isSupportedDtype(tensor.dtype)) continue;
    const expectedBytes = tensor.shape.reduce((product, extent) => product * extent, 1) * dtypeSize(tensor.dtype);
    if (tensor.data.length !== expectedBytes)
      throw new TypeError(
        `tensor "${tensor.name}": ${tensor.dtype} [${tensor.shape.join(", ")}] needs ${expectedBytes} bytes, got ${tensor.data.length}`
      );
  }
  const { head, entries, dataLength } = safetensorsLayout(tensors, metadata);
  const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const file = new Uint8Array(head.length + dataLength);
  file.set(head);
  for (const entry of entries) file.set(byName.get(entry.name).data, head.length + entry.begin);
  return file;
}
function invalid(fileLabel, problem) {
  throw new InputFileError(fileLabel, void 0, `not a valid safetensors file: ${problem}`);
}
function readMetadata(value, fail) {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail("__metadata__ must be an object of strings");
  const metadata = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string")
      fail(
        `__metadata__ "${key}" is ${JSON.stringify(entry)}; metadata values must be strings (structured data goes in a JSON string)`
      );
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
  dtypeSize,
  readHeaderLength,
  parseSafetensorsHeader,
  parseSafetensors,
  safetensorsLayout,
  serializeSafetensors
};
