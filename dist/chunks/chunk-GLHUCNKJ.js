import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  computeBand
} from "./chunk-J2K7L4Y2.js";
import {
  detectTextLayout,
  fileLineSource,
  parseMetricSource,
  readStructuredMetrics,
  withReadErrors
} from "./chunk-RY7XRNUJ.js";
import {
  baselineMetrics,
  decodeMetricData,
  decodeRecordDocument,
  encodeMetricData,
  isReproDocument
} from "./chunk-F2T6RF3N.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION
} from "./chunk-AEMQQA4S.js";
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/record/baseline-store.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
import path from "node:path";
function workingTreeBaseline(file, label) {
  return {
    label,
    read: () => readFile(file, "utf8").catch((error) => {
      if (error.code === "ENOENT") return null;
      throw new InputFileError(label, void 0, `cannot read the baseline (${error.code ?? error.message})`, {
        cause: error
      });
    })
  };
}
async function loadBaselineForCheck(source) {
  const text = await source.read();
  return text === null ? null : decodeBaselineForCheck(text, source.label);
}
function decodeBaselineForCheck(text, label) {
  const hint = "Recreate it with `repro-check baseline update`.";
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(label, void 0, `the baseline is not valid JSON (${error.message})`, {
      hint
    });
  }
  if (!isReproDocument(value)) {
    throw new InputFileError(label, void 0, `not a repro-check baseline (no "kind": "${BASELINE_KIND}")`, { hint });
  }
  const document = decodeRecordDocument(value, label);
  const baseline = document.kind === "baseline" ? document.baseline : {
    kind: BASELINE_KIND,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    createdAt: document.record.provenance.createdAt,
    runs: [document.record]
  };
  const run = baseline.runs[0];
  if (!run) {
    throw new InputFileError(
      label,
      void 0,
      "this baseline holds a band but no run record (it was built by `repro-check band` from metric files)",
      {
        hint: "A check needs a baseline made by `repro-check baseline update` (with --seeds M for a band), or a band built from run records; `repro-check compare` takes this one."
      }
    );
  }
  if (run.provenance.dirty) {
    throw new InputFileError(
      label,
      void 0,
      "this baseline was recorded on an unclean tree (--allow-dirty), so it cannot gate",
      {
        hint: "Re-record it on a clean checkout with `repro-check baseline update`."
      }
    );
  }
  return { baseline, run, data: decodeMetricData(run.metrics, label), label };
}
async function refuseNewerBaseline(file) {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const version = isReproDocument(value) ? value.schemaVersion : void 0;
  if (typeof version === "number" && version > BASELINE_SCHEMA_VERSION) {
    throw new InputFileError(
      file,
      void 0,
      `was written by a newer repro-check (schemaVersion ${version}; this one writes ${BASELINE_SCHEMA_VERSION}) and is left as it is`,
      { hint: "Update the baseline with the repro-check version that wrote it, or upgrade this one." }
    );
  }
}
function readComparableDocument(file, options = {}) {
  return withReadErrors(file, "cannot read", () => {
    const structured = readStructuredMetrics(file, { notBefore: null, baseDir: path.dirname(file) });
    if (structured) return { data: structured, document: null };
    const source = fileLineSource(file);
    if (detectTextLayout(source).kind === "json-document") {
      let value;
      try {
        value = JSON.parse(source.wholeText());
      } catch {
        value = void 0;
      }
      if (isReproDocument(value)) {
        const document = decodeRecordDocument(value, file);
        const metrics = document.kind === "run-record" ? document.record.metrics : baselineMetrics(document.baseline);
        return { data: decodeMetricData(metrics, file), document };
      }
    }
    return { data: parseMetricSource(source, options), document: null };
  });
}

// src/record/band.ts
init_define_REPRO_CHART_LIBRARY();
function encodeBand(members, ignore) {
  const metrics = {};
  for (const [name, band] of computeBand(
    members.map((m) => m.data),
    ignore
  )) {
    metrics[name] = {
      steps: band.steps,
      mean: band.points.map((p) => encodeNumber(p.mean)),
      std: band.points.map((p) => encodeNumber(p.std)),
      count: band.points.map((p) => p.count),
      min: band.points.map((p) => encodeNumber(p.min)),
      max: band.points.map((p) => encodeNumber(p.max))
    };
  }
  return {
    members: members.map((m) => ({ source: m.source, seed: m.seed, metrics: encodeMetricData(m.data) })),
    metrics
  };
}
function decodeBands(baseline, where) {
  if (!baseline.band?.seed && !baseline.band?.sameSeed) return null;
  const decode = (band, key) => band ? band.members.map((m, i) => ({
    source: m.source,
    seed: m.seed,
    data: decodeMetricData(m.metrics, `${where}: band.${key}.members[${i}]`)
  })) : null;
  const sameSeed = decode(baseline.band.sameSeed, "sameSeed");
  return {
    seed: decode(baseline.band.seed, "seed"),
    sameSeed,
    baseSeed: baseline.runs[0]?.provenance.seed ?? sameSeed?.[0]?.seed ?? null
  };
}
function bandFor(bands, runSeed) {
  if (runSeed !== null && runSeed === bands.baseSeed && bands.sameSeed)
    return { kind: "same-seed", members: bands.sameSeed };
  return bands.seed ? { kind: "seed", members: bands.seed } : null;
}

export {
  workingTreeBaseline,
  loadBaselineForCheck,
  refuseNewerBaseline,
  readComparableDocument,
  encodeBand,
  decodeBands,
  bandFor
};
