import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  encodeBand
} from "./chunk-CS43OPYA.js";
import {
  analyseAudit,
  auditOptionsOf
} from "./chunk-JWHLWSBK.js";
import "./chunk-2WUOH5TG.js";
import "./chunk-6ZBKY7FV.js";
import {
  describeSigmaGate
} from "./chunk-667HCUTY.js";
import "./chunk-522254NV.js";
import "./chunk-HMN27A7O.js";
import "./chunk-RI2GIVHQ.js";
import {
  readComparable
} from "./chunk-W42YVMJW.js";
import "./chunk-W2APLJNB.js";
import "./chunk-EXNMS6RL.js";
import "./chunk-STU55N2L.js";
import "./chunk-HQZEXTL7.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  decodeMetricData,
  decodeRecordDocument,
  isReproDocument
} from "./chunk-UXIL344N.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-GT4JQZCA.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-U7ABJGOV.js";
import "./chunk-7BVDV4S2.js";
import "./chunk-UM2EBPGX.js";
import "./chunk-7BHKTXGZ.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-Z2KNO6IU.js";
import "./chunk-DBEUN44C.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-N3HAK6MM.js";
import "./chunk-SKRDZTFF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-4NT54M3U.js";
import "./chunk-OFCAAITS.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-4LWL47T5.js";
import "./chunk-54B7A6WN.js";
import {
  InputFileError,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/aggregate.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
async function readAggregateInputs(files) {
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, "utf8").catch((error) => {
        throw new InputFileError(file, void 0, `cannot read: ${error.code ?? error.message}`);
      });
      let value = null;
      try {
        value = JSON.parse(text);
      } catch {
      }
      if (isReproDocument(value)) {
        const document = decodeRecordDocument(value, file);
        if (document.kind !== "run-record")
          throw new InputFileError(file, void 0, "is a baseline; give run records or metric files (one per run)");
        return {
          file,
          record: document.record,
          member: {
            source: file,
            seed: document.record.provenance.seed,
            data: decodeMetricData(document.record.metrics, file)
          }
        };
      }
      return { file, record: null, member: { source: file, seed: null, data: readComparable(file) } };
    })
  );
}
function splitRuns(inputs) {
  const baseSeed = inputs.find((i) => i.record)?.record.provenance.seed ?? null;
  const same = baseSeed === null ? inputs.slice(0, 1) : inputs.filter((i) => i.record && i.member.seed === baseSeed);
  const seen = new Set(baseSeed === null ? [] : [baseSeed]);
  const seeds = inputs.filter((i) => {
    if (same.includes(i)) return false;
    if (i.member.seed === null) return true;
    if (seen.has(i.member.seed)) return false;
    seen.add(i.member.seed);
    return true;
  });
  return { same, seeds };
}
function bandBaseline(inputs, ignore, createdAt, level) {
  const { same, seeds } = splitRuns(inputs);
  return {
    kind: BASELINE_KIND,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    createdAt,
    runs: same[0]?.record ? [same[0].record] : [],
    band: {
      seed: encodeBand(
        [same[0], ...seeds].map((i) => i.member),
        ignore
      ),
      ...same.length >= 2 ? {
        sameSeed: encodeBand(
          same.map((i) => i.member),
          ignore
        )
      } : {}
    },
    ...level ? { level } : {}
  };
}
function auditRunsOf(inputs) {
  const { same, seeds } = splitRuns(inputs);
  const run = (i, kind, index) => ({
    kind,
    index,
    seed: i.member.seed,
    data: i.member.data,
    environment: i.record.environment,
    checkpoints: i.record.checkpoints
  });
  return [...same.map((i, index) => run(i, "same-seed", index)), ...seeds.map((i, index) => run(i, "seed", index))];
}
function runAggregate(inputs, config, env, createdAt) {
  const metricFile = inputs.find((i) => !i.record);
  if (metricFile)
    throw new InputFileError(
      metricFile.file,
      void 0,
      "is not a run record; aggregate needs run records (`repro-check run -o RECORD.json`, or the run-record.json of each matrix job)",
      { hint: "For metric files use `repro-check band`." }
    );
  const commits = [...new Set(inputs.map((i) => i.record.provenance.commit))];
  if (commits.length > 1)
    throw new ReproError(
      `aggregate: the run records come from ${commits.length} commits (${commits.map((c) => c.slice(0, 12)).join(", ")}); a band and an audit need runs of one commit`
    );
  const runs = auditRunsOf(inputs);
  const options = auditOptionsOf(config, env);
  const findings = analyseAudit(runs, options);
  const baseline = bandBaseline(
    inputs,
    options.ignore,
    createdAt,
    findings.level === "not reproducible" ? void 0 : findings.level
  );
  const report = {
    findings,
    commit: commits[0],
    seed: runs[0].seed,
    otherSeeds: runs.filter((r) => r.kind === "seed").map((r) => r.seed),
    gateLine: describeSigmaGate(options.gate, findings.seedRuns + 1),
    wallMs: 0,
    trainingMs: 0,
    environmentLines: []
  };
  return { baseline, report };
}
export {
  auditRunsOf,
  bandBaseline,
  readAggregateInputs,
  runAggregate,
  splitRuns
};
