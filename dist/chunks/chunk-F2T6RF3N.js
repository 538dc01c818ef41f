import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION
} from "./chunk-AEMQQA4S.js";
import {
  decodeNumber,
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  external_exports
} from "./chunk-OFCAAITS.js";
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/record/codec.ts
init_define_REPRO_CHART_LIBRARY();
function encodeMetricData(data) {
  const series = {};
  for (const [name, s] of [...data.series].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    series[name] = { steps: Array.from(s.steps), values: Array.from(s.values, encodeNumber) };
  }
  const finals = {};
  for (const [name, value] of [...data.finals].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
    finals[name] = encodeNumber(value);
  return { series, finals, notes: [...data.notes] };
}
function decodeMetricData(json, where) {
  const series = /* @__PURE__ */ new Map();
  for (const [name, s] of Object.entries(json.series)) {
    if (s.steps.length !== s.values.length) {
      throw new InputFileError(
        where,
        void 0,
        `series "${name}": ${s.steps.length} steps but ${s.values.length} values`,
        {
          hint: "Every series needs one value per step; recreate the file with repro-check (`baseline update` or `run -o`)."
        }
      );
    }
    series.set(name, {
      steps: s.steps,
      values: s.values.map((v, i) => decodeNumber(v, `${where}.series["${name}"].values[${i}]`))
    });
  }
  const finals = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(json.finals))
    finals.set(name, decodeNumber(value, `${where}.finals["${name}"]`));
  return { series, finals, notes: json.notes };
}
var encodedNumber = external_exports.union([external_exports.number(), external_exports.enum(["NaN", "Infinity", "-Infinity", "-0"])]);
var metricsSchema = external_exports.object({
  series: external_exports.record(
    external_exports.string(),
    external_exports.object({ steps: external_exports.array(external_exports.number().int().nonnegative()), values: external_exports.array(encodedNumber) })
  ),
  finals: external_exports.record(external_exports.string(), encodedNumber),
  notes: external_exports.array(external_exports.string()).default([])
});
var runRecordSchema = external_exports.looseObject({
  kind: external_exports.literal(RUN_RECORD_KIND),
  schemaVersion: external_exports.literal(RUN_RECORD_SCHEMA_VERSION),
  provenance: external_exports.looseObject({ commit: external_exports.string(), seed: external_exports.number() }),
  environment: external_exports.looseObject({}),
  metrics: metricsSchema
});
var bandSchema = external_exports.looseObject({
  members: external_exports.array(external_exports.looseObject({ source: external_exports.string(), seed: external_exports.number().nullable(), metrics: metricsSchema })).min(1),
  metrics: external_exports.record(external_exports.string(), external_exports.looseObject({}))
});
var baselineSchema = external_exports.looseObject({
  kind: external_exports.literal(BASELINE_KIND),
  schemaVersion: external_exports.literal(BASELINE_SCHEMA_VERSION),
  createdAt: external_exports.string(),
  runs: external_exports.array(runRecordSchema),
  band: external_exports.looseObject({ seed: bandSchema.optional(), sameSeed: bandSchema.optional() }).optional()
}).refine((b) => b.runs.length > 0 || b.band?.seed !== void 0, {
  path: ["runs"],
  message: "a baseline needs at least one run, or a seed band"
});
function isReproDocument(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.kind === "string" && value.kind.startsWith("repro-check/");
}
function decodeRecordDocument(value, file) {
  const version = value.schemaVersion;
  const supported = value.kind === RUN_RECORD_KIND ? RUN_RECORD_SCHEMA_VERSION : value.kind === BASELINE_KIND ? BASELINE_SCHEMA_VERSION : null;
  if (supported === null) {
    throw new InputFileError(
      file,
      void 0,
      `unknown kind "${value.kind}"; accepted: "${RUN_RECORD_KIND}", "${BASELINE_KIND}"`
    );
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new InputFileError(
      file,
      void 0,
      `"schemaVersion" must be a positive integer, got ${JSON.stringify(version)}`
    );
  }
  if (version > supported) {
    throw new InputFileError(
      file,
      void 0,
      `${value.kind} schemaVersion ${version} is newer than this repro-check understands (up to ${supported})`,
      {
        hint: "Upgrade repro-check to the version that wrote this file; it is left untouched."
      }
    );
  }
  const schema = value.kind === RUN_RECORD_KIND ? runRecordSchema : baselineSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    throw new InputFileError(file, void 0, `not a valid ${value.kind} v${version}: ${problems.join("; ")}`);
  }
  return value.kind === RUN_RECORD_KIND ? { kind: "run-record", record: parsed.data } : { kind: "baseline", baseline: parsed.data };
}
function baselineMetrics(baseline) {
  return baseline.runs[0]?.metrics ?? baseline.band.seed.members[0].metrics;
}
function serializeDocument(value) {
  return JSON.stringify(value, null, 2) + "\n";
}

export {
  encodeMetricData,
  decodeMetricData,
  isReproDocument,
  decodeRecordDocument,
  baselineMetrics,
  serializeDocument
};
