import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  dtypeSize
} from "./chunk-KMS2X7K7.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/safetensors/values.ts
init_define_REPRO_CHART_LIBRARY();
var LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function decodeToFloat64(dtype, bytes, out) {
  const count = bytes.byteLength / dtypeSize(dtype);
  if (LITTLE_ENDIAN && (dtype === "F32" || dtype === "F64") && bytes.byteOffset % dtypeSize(dtype) === 0) {
    out.set(
      dtype === "F32" ? new Float32Array(bytes.buffer, bytes.byteOffset, count) : new Float64Array(bytes.buffer, bytes.byteOffset, count)
    );
    return count;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case "F32":
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
      break;
    case "F64":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, true);
      break;
    case "F16":
      for (let i = 0; i < count; i++) out[i] = halfToNumber(view.getUint16(i * 2, true));
      break;
    case "BF16":
      for (let i = 0; i < count; i++) out[i] = bfloat16ToNumber(view.getUint16(i * 2, true));
      break;
    case "BOOL":
      for (let i = 0; i < count; i++) out[i] = bytes[i] === 0 ? 0 : 1;
      break;
    case "U8":
      for (let i = 0; i < count; i++) out[i] = bytes[i];
      break;
    case "I8":
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case "I16":
      for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true);
      break;
    case "U16":
      for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, true);
      break;
    case "I32":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
      break;
    case "U32":
      for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
      break;
    case "I64":
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      break;
    case "U64":
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigUint64(i * 8, true));
      break;
  }
  return count;
}
function encodeFromFloat64(dtype, values, count, out) {
  if (LITTLE_ENDIAN && (dtype === "F32" || dtype === "F64") && out.byteOffset % dtypeSize(dtype) === 0) {
    (dtype === "F32" ? new Float32Array(out.buffer, out.byteOffset, count) : new Float64Array(out.buffer, out.byteOffset, count)).set(values.subarray(0, count));
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  switch (dtype) {
    case "F64":
      for (let i = 0; i < count; i++) view.setFloat64(i * 8, values[i], true);
      return;
    case "F32":
      for (let i = 0; i < count; i++) view.setFloat32(i * 4, values[i], true);
      return;
    case "F16":
      for (let i = 0; i < count; i++) view.setUint16(i * 2, numberToHalf(values[i]), true);
      return;
    case "BF16":
      for (let i = 0; i < count; i++) view.setUint16(i * 2, numberToBfloat16(values[i]), true);
      return;
  }
}
function halfToNumber(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >> 10 & 31;
  const fraction = bits & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
function numberToHalf(value) {
  if (Number.isNaN(value)) return 32256;
  const sign = value < 0 || Object.is(value, -0) ? 32768 : 0;
  const magnitude = Math.abs(value);
  if (magnitude >= 65520) return sign | 31744;
  if (magnitude < 2 ** -14) return sign | roundHalfEven(magnitude / 2 ** -24);
  const exponent = Math.floor(Math.log2(magnitude));
  const e = magnitude / 2 ** exponent >= 2 ? exponent + 1 : magnitude / 2 ** exponent < 1 ? exponent - 1 : exponent;
  const fraction = roundHalfEven((magnitude / 2 ** e - 1) * 1024);
  return sign | (e + 15 << 10) + fraction;
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
var scratch = new DataView(new ArrayBuffer(4));
function bfloat16ToNumber(bits) {
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}
function numberToBfloat16(value) {
  if (Number.isNaN(value)) return 32704;
  const single = Math.fround(value);
  scratch.setFloat32(0, single);
  const bits = scratch.getUint32(0);
  const upper = bits >>> 16;
  const lower = bits & 65535;
  if (!Number.isFinite(single)) return upper;
  let roundUp;
  if (lower > 32768) roundUp = true;
  else if (lower < 32768) roundUp = false;
  else if (single === value) roundUp = (upper & 1) === 1;
  else roundUp = Math.abs(value) > Math.abs(single);
  return (roundUp ? upper + 1 : upper) & 65535;
}

export {
  decodeToFloat64,
  encodeFromFloat64
};
