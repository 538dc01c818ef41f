import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  DEFAULT_TOLERANCE,
  withinTolerance
} from "./chunk-HMN27A7O.js";
import "./chunk-WSLLZDSC.js";
import {
  decodeToFloat64
} from "./chunk-MPNB6IT3.js";
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  CHUNK_BYTES
} from "./chunk-BLJRTHI4.js";
import {
  FLOAT_DTYPES,
  readTensorBytes,
  withCheckpoint
} from "./chunk-O7PLZ7CT.js";
import "./chunk-MJO2A4YZ.js";
import {
  dtypeSize
} from "./chunk-KMS2X7K7.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/diff-weights.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";

// src/checkpoints/diff.ts
init_define_REPRO_CHART_LIBRARY();
async function diffCheckpoints(a, b, tolerance, chunkBytes = CHUNK_BYTES) {
  const buffers = {
    bytesA: new Uint8Array(chunkBytes),
    bytesB: new Uint8Array(chunkBytes),
    valuesA: new Float64Array(chunkBytes),
    valuesB: new Float64Array(chunkBytes)
  };
  const inB = new Map(b.tensors.map((tensor) => [tensor.name, tensor]));
  const tensors = [];
  for (const tensorA of a.tensors) {
    const tensorB = inB.get(tensorA.name);
    inB.delete(tensorA.name);
    if (!tensorB) tensors.push(uncomputed(tensorA, "only-a"));
    else if (tensorA.dtype !== tensorB.dtype || tensorA.shape.join(",") !== tensorB.shape.join(",")) {
      tensors.push({ ...uncomputed(tensorA, "mismatch"), other: { dtype: tensorB.dtype, shape: tensorB.shape } });
    } else tensors.push(await diffTensor(tensorA, tensorB, tolerance, buffers));
  }
  for (const tensorB of inB.values()) tensors.push(uncomputed(tensorB, "only-b"));
  tensors.sort((x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  const status = tensors.every((t) => t.status === "identical") ? "identical" : tensors.every((t) => t.status === "identical" || t.status === "within-tolerance") ? "within-tolerance" : "differ";
  return { status, tolerance, tensors, layers: summarizeLayers(tensors) };
}
async function diffTensor(a, b, tolerance, buffers) {
  const elementBytes = dtypeSize(a.dtype);
  const chunk = buffers.bytesA.length - buffers.bytesA.length % elementBytes;
  const exactOnly = !FLOAT_DTYPES.has(a.dtype) || tolerance === null;
  let bytesIdentical = true;
  let inTolerance = true;
  let maxAbsDiff = 0;
  let sumSqDiff = 0;
  let sumSqA = 0;
  let sumSqB = 0;
  let dot = 0;
  for (let offset = 0; offset < a.byteLength; offset += chunk) {
    const length = Math.min(chunk, a.byteLength - offset);
    const bytesA = await readTensorBytes(a, offset, buffers.bytesA.subarray(0, length));
    const bytesB = await readTensorBytes(b, offset, buffers.bytesB.subarray(0, length));
    if (!Buffer.from(bytesA.buffer, bytesA.byteOffset, length).equals(
      Buffer.from(bytesB.buffer, bytesB.byteOffset, length)
    ))
      bytesIdentical = false;
    const count = decodeToFloat64(a.dtype, bytesA, buffers.valuesA);
    decodeToFloat64(a.dtype, bytesB, buffers.valuesB);
    const valuesA = buffers.valuesA;
    const valuesB = buffers.valuesB;
    for (let i = 0; i < count; i++) {
      const x = valuesA[i];
      const y = valuesB[i];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) {
        maxAbsDiff = Math.max(maxAbsDiff, Math.abs(x - y));
        sumSqDiff += (x - y) * (x - y);
      }
      sumSqA += x * x;
      sumSqB += y * y;
      dot += x * y;
      if (!exactOnly && inTolerance && !withinTolerance(x, y, tolerance)) inTolerance = false;
    }
  }
  const status = bytesIdentical ? "identical" : !exactOnly && inTolerance ? "within-tolerance" : "differ";
  const normA = Math.sqrt(sumSqA);
  const normB = Math.sqrt(sumSqB);
  const relL2 = sumSqA === 0 && sumSqDiff === 0 ? 0 : Math.sqrt(sumSqDiff) / normA;
  const cosine = normA === 0 && normB === 0 ? 1 : dot / (normA * normB);
  return { name: a.name, status, dtype: a.dtype, shape: a.shape, maxAbsDiff, relL2, cosine, sumSqDiff, sumSqA };
}
function uncomputed(tensor, status) {
  return {
    name: tensor.name,
    status,
    dtype: tensor.dtype,
    shape: tensor.shape,
    maxAbsDiff: null,
    relL2: null,
    cosine: null,
    sumSqDiff: 0,
    sumSqA: 0
  };
}
function layerOf(name) {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}
function summarizeLayers(tensors) {
  const layers = /* @__PURE__ */ new Map();
  for (const tensor of tensors) {
    const name = layerOf(tensor.name);
    const layer = layers.get(name) ?? {
      layer: name,
      tensors: 0,
      differing: 0,
      maxAbsDiff: 0,
      relL2: 0,
      sumSqDiff: 0,
      sumSqA: 0
    };
    layer.tensors++;
    if (tensor.status !== "identical" && tensor.status !== "within-tolerance") layer.differing++;
    if (tensor.maxAbsDiff !== null) layer.maxAbsDiff = Math.max(layer.maxAbsDiff, tensor.maxAbsDiff);
    layer.sumSqDiff += tensor.sumSqDiff;
    layer.sumSqA += tensor.sumSqA;
    layers.set(name, layer);
  }
  return [...layers.values()].map(({ sumSqDiff, sumSqA, ...layer }) => ({
    ...layer,
    relL2: sumSqA === 0 && sumSqDiff === 0 ? 0 : Math.sqrt(sumSqDiff) / Math.sqrt(sumSqA)
  }));
}

// src/checkpoints/diff-report.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_TENSOR_ROWS = 50;
function weightDiffToJson(diff, files) {
  const number = (value) => value === null ? null : encodeNumber(value);
  return {
    status: diff.status,
    a: files.a,
    b: files.b,
    tolerance: diff.tolerance === null ? null : { rtol: diff.tolerance.rtol, atol: diff.tolerance.atol },
    tensors: diff.tensors.map((t) => ({
      name: t.name,
      status: t.status,
      dtype: t.dtype,
      shape: t.shape,
      ...t.other ? { other: t.other } : {},
      maxAbsDiff: number(t.maxAbsDiff),
      relL2: number(t.relL2),
      cosine: number(t.cosine)
    })),
    layers: diff.layers.map((l) => ({ ...l, maxAbsDiff: encodeNumber(l.maxAbsDiff), relL2: encodeNumber(l.relL2) }))
  };
}
function renderWeightDiffMarkdown(diff, files) {
  const counts = /* @__PURE__ */ new Map();
  for (const t of diff.tensors) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const headline = diff.status === "identical" ? `all ${diff.tensors.length} tensors bit-identical` : diff.status === "within-tolerance" ? `all ${diff.tensors.length} tensors within rtol ${diff.tolerance.rtol}, atol ${diff.tolerance.atol} (${counts.get("identical") ?? 0} bit-identical)` : `${diff.tensors.length - (counts.get("identical") ?? 0) - (counts.get("within-tolerance") ?? 0)} of ${diff.tensors.length} tensors differ${diff.tolerance ? ` beyond rtol ${diff.tolerance.rtol}, atol ${diff.tolerance.atol}` : ""}`;
  const lines = [
    `### Weights: ${files.b} against ${files.a}`,
    "",
    `**${diff.status === "differ" ? "differ" : "pass"}**: ${headline}.`,
    ""
  ];
  const notes = diff.tensors.filter((t) => t.status === "mismatch" || t.status === "only-a" || t.status === "only-b");
  for (const t of notes) {
    if (t.status === "mismatch")
      lines.push(
        `- \`${t.name}\`: ${t.dtype} [${t.shape.join(", ")}] in A, ${t.other.dtype} [${t.other.shape.join(", ")}] in B`
      );
    else lines.push(`- \`${t.name}\` only in ${t.status === "only-a" ? "A" : "B"}`);
  }
  if (notes.length > 0) lines.push("");
  if (diff.layers.length > 1) {
    lines.push("| layer | tensors | differ | max abs diff | rel L2 |", "| --- | ---: | ---: | ---: | ---: |");
    for (const l of diff.layers)
      lines.push(
        `| \`${l.layer}\` | ${l.tensors} | ${l.differing} | ${formatNumber(l.maxAbsDiff)} | ${formatNumber(l.relL2)} |`
      );
    lines.push("");
  }
  const changed = diff.tensors.filter((t) => t.status !== "identical" && t.maxAbsDiff !== null);
  if (changed.length > 0) {
    lines.push(
      "| tensor | dtype | shape | status | max abs diff | rel L2 | cosine |",
      "| --- | --- | --- | --- | ---: | ---: | ---: |"
    );
    for (const t of changed.slice(0, MAX_TENSOR_ROWS)) lines.push(tensorRow(t));
    if (changed.length > MAX_TENSOR_ROWS)
      lines.push(`| \u2026 and ${changed.length - MAX_TENSOR_ROWS} more (see --format json) | | | | | | |`);
    lines.push("");
  }
  return lines.join("\n");
}
function tensorRow(t) {
  return `| \`${t.name}\` | ${t.dtype} | [${t.shape.join(", ")}] | ${t.status} | ${formatNumber(t.maxAbsDiff)} | ${formatNumber(t.relL2)} | ${formatNumber(t.cosine)} |`;
}
function formatNumber(value) {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "\u2212\u221E";
  if (value === 0) return "0";
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String(Number(value.toPrecision(6))) : value.toExponential(3);
}

// src/cli/commands/diff-weights.ts
async function run(options, io) {
  const problems = [];
  if (options.files.length !== 2)
    problems.push(
      `diff-weights takes two checkpoints, A and B; got ${options.files.length === 0 ? "none" : options.files.join(" ")}`
    );
  const tolerance = toleranceFrom(options, problems);
  if (problems.length > 0) throw new ReproError(problems.join("\n"));
  const [a, b] = options.files;
  const diff = await withCheckpoint(
    path.resolve(io.cwd, a),
    (checkpointA) => withCheckpoint(path.resolve(io.cwd, b), (checkpointB) => diffCheckpoints(checkpointA, checkpointB, tolerance))
  );
  const json = JSON.stringify(weightDiffToJson(diff, { a, b }), null, 2) + "\n";
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(options.format === "json" ? json : renderWeightDiffMarkdown(diff, { a, b }));
  return diff.status === "differ" ? EXIT_DRIFT : EXIT_PASS;
}
function toleranceFrom(options, problems) {
  if (options.rtol === void 0 && options.atol === void 0) return null;
  const read = (flag, text, fallback) => {
    if (text === void 0) return fallback;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < 0) {
      problems.push(`--${flag} ${text}: expected a non-negative number such as 1e-5`);
      return fallback;
    }
    return value;
  };
  return {
    rtol: read("rtol", options.rtol, DEFAULT_TOLERANCE.rtol),
    atol: read("atol", options.atol, DEFAULT_TOLERANCE.atol),
    exact: false
  };
}
var command = {
  name: "diff-weights",
  usage: `repro-check diff-weights A B [--rtol R] [--atol A] [--format markdown|json] [-o FILE]
    Compare two checkpoints tensor by tensor: max |a-b|, relative L2, cosine, by layer.`,
  options: ["rtol", "atol", "format", "out", "verbose"],
  formats: ["markdown", "json"],
  run: async ({ args, values, format, flagProblems }, io) => {
    if (flagProblems.length > 0) throw new ReproError(flagProblems.join("\n"));
    return run(
      { files: args, rtol: values.rtol, atol: values.atol, format, out: values.out },
      io
    );
  }
};
export {
  command
};
