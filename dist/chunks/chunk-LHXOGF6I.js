import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  LENGTH_PREFIX_BYTES,
  METADATA_KEY,
  SUPPORTED_DTYPES,
  dtypeRank,
  isSupportedDtype,
  tensorByteLength
} from "./chunk-KMS2X7K7.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/safetensors/layout.ts
init_define_REPRO_CHART_LIBRARY();
function safetensorsLayout(specs, metadata) {
  checkSpecs(specs, metadata);
  const ordered = [...specs].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  const header = metadata === null ? {} : { [METADATA_KEY]: metadata };
  const entries = [];
  let offset = 0;
  for (const spec of ordered) {
    const bytes = tensorByteLength(spec.dtype, spec.shape);
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
function checkSpecs(specs, metadata) {
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
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (typeof value !== "string")
      throw new TypeError(
        `__metadata__ "${key}" must be a string (the Python library rejects other types); put structured data in a JSON string`
      );
  }
}

export {
  safetensorsLayout
};
