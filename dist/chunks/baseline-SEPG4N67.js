import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  resolveBaselinePath
} from "./chunk-SIDICT73.js";
import {
  collectRunEnvironment,
  prepareRepo,
  repoRelative,
  requireBranch,
  trainAndRecord
} from "./chunk-CEFSYVCH.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  isReproDocument,
  serializeDocument
} from "./chunk-YH2Q2MA6.js";
import "./chunk-WKEDQHA4.js";
import "./chunk-TPDMPUOJ.js";
import "./chunk-3EIR24OK.js";
import "./chunk-PKFXOPID.js";
import "./chunk-KZVXPLSD.js";
import "./chunk-Z3Z5WYT2.js";
import "./chunk-I4ZNRY5B.js";
import "./chunk-QDSYF3PB.js";
import {
  InputFileError
} from "./chunk-BKTBR2MQ.js";
import "./chunk-KOPAMTGC.js";
import {
  writeFileAtomic
} from "./chunk-UCXDISJA.js";
import "./chunk-GFWGNPAP.js";

// src/modes/baseline.ts
import os from "node:os";
import path from "node:path";
import { readFile } from "node:fs/promises";
async function runBaselineUpdate(settings, context, options = {}) {
  const config = settings.config;
  const repo = await prepareRepo(config, context);
  const branch = await requireBranch(repo.repo);
  await options.beforeTraining?.(branch);
  const environment = await collectRunEnvironment(config, repo, context);
  const baselinePath = path.resolve(repo.workDir, resolveBaselinePath(config.baseline, environment, context.env, os.hostname()));
  await refuseNewerBaseline(baselinePath);
  const trained = await trainAndRecord(config, repo, context, environment);
  return context.log.group("Writing the baseline", async () => {
    const baseline = {
      kind: BASELINE_KIND,
      schemaVersion: BASELINE_SCHEMA_VERSION,
      createdAt: context.now().toISOString(),
      runs: [trained.record]
    };
    const content = serializeDocument(baseline);
    await writeFileAtomic(baselinePath, content);
    const baselineRepoPath = repoRelative(repo, baselinePath);
    context.log.info(`Wrote ${baselineRepoPath} from commit ${trained.record.provenance.commit.slice(0, 12)} on ${branch}`);
    return { baselinePath, baselineRepoPath, content, branch, trained };
  });
}
async function refuseNewerBaseline(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const version = isReproDocument(value) ? value.schemaVersion : void 0;
  if (typeof version === "number" && version > BASELINE_SCHEMA_VERSION) {
    throw new InputFileError(file, void 0, `was written by a newer repro-check (schemaVersion ${version}; this one writes ${BASELINE_SCHEMA_VERSION}) and is left as it is`, {
      hint: "Update the baseline with the repro-check version that wrote it, or upgrade this one."
    });
  }
}
export {
  runBaselineUpdate
};
