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
function tensorByteLength(dtype, shape) {
  return shape.reduce((product, extent) => product * extent, 1) * DTYPE_SIZES[dtype];
}
function dtypeRank(dtype) {
  return SUPPORTED_DTYPES.indexOf(dtype);
}

// src/safetensors/header.ts
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
    if (name === METADATA_KEY) metadata = readMetadata(value, fail);
    else entries.push(readEntry(name, value, fail));
  }
  checkTiling(entries, dataLength, fail);
  return { metadata, entries, dataStart: LENGTH_PREFIX_BYTES + headerBytes.length };
}
function readEntry(name, value, fail) {
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
  const expectedBytes = tensorByteLength(dtype, shape);
  if (end - begin !== expectedBytes) {
    fail(
      `tensor "${name}": ${dtype} with shape [${shape.join(", ")}] needs ${expectedBytes} bytes, but data_offsets [${begin}, ${end}] hold ${end - begin}`
    );
  }
  return { name, dtype, shape: [...shape], begin, end };
}
function checkTiling(entries, dataLength, fail) {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of entries) {
    const where = `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}]`;
    if (entry.begin < covered) fail(`${where} overlap the previous tensor, which ends at ${covered}`);
    if (entry.begin > covered) fail(`${where} leave a gap after byte ${covered}`);
    if (entry.end > dataLength) fail(`${where} run past the end of the data (${dataLength} bytes)`);
    covered = entry.end;
  }
  if (covered !== dataLength)
    fail(`the tensors cover ${covered} bytes of data, but the file holds ${dataLength} after the header`);
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
  SUPPORTED_DTYPES,
  isSupportedDtype,
  dtypeSize,
  tensorByteLength,
  dtypeRank,
  LENGTH_PREFIX_BYTES,
  METADATA_KEY,
  readHeaderLength,
  parseSafetensorsHeader
};
