import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  analyseAudit,
  auditOptionsOf
} from "./chunk-BBPWBMCG.js";
import "./chunk-NELG7IKU.js";
import {
  encodeBand,
  readComparableDocument
} from "./chunk-GLHUCNKJ.js";
import "./chunk-U455O2BG.js";
import {
  describeSigmaGate
} from "./chunk-J2K7L4Y2.js";
import "./chunk-NLMQQJFJ.js";
import "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import "./chunk-HMN27A7O.js";
import "./chunk-557MTL2E.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import "./chunk-F2T6RF3N.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION
} from "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import "./chunk-VRURZYB3.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
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
async function readAggregateInputs(files) {
  return Promise.all(
    files.map(async (file) => {
      const { data, document } = readComparableDocument(file);
      if (document?.kind === "baseline")
        throw new InputFileError(file, void 0, "is a baseline; give run records or metric files (one per run)");
      const record = document?.record ?? null;
      return { file, record, member: { source: file, seed: record?.provenance.seed ?? null, data } };
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
