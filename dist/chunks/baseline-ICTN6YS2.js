import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  resolveBaselinePath
} from "./chunk-YNBARV23.js";
import {
  prepareRepo,
  repoRelative,
  requireBranch
} from "./chunk-PBMX5LF3.js";
import "./chunk-NU2UIHPB.js";
import "./chunk-VDH5N6JF.js";
import {
  collectRunEnvironment,
  trainAndRecord
} from "./chunk-23LPU7V6.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  isReproDocument,
  serializeDocument
} from "./chunk-7D4CQ6O2.js";
import "./chunk-EKFKRKUQ.js";
import "./chunk-ZAV4N3WG.js";
import "./chunk-ZZYJDDDA.js";
import "./chunk-4XMOUIXN.js";
import "./chunk-MYHDKWFD.js";
import "./chunk-22M5EIFX.js";
import "./chunk-MS722AY2.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import "./chunk-26EDPQ4F.js";
import "./chunk-UV23MCD5.js";
import {
  InputFileError
} from "./chunk-IOLXGZRS.js";
import {
  writeFileAtomic
} from "./chunk-S5WWYZ4I.js";
import "./chunk-EDCSKNQF.js";

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
    const baselineRepoPath = repoRelative(repo, baselinePath);
    const written = options.keepCheckoutClean ? path.join(trained.outDir, path.basename(baselinePath)) : baselinePath;
    await writeFileAtomic(written, content);
    context.log.info(`Wrote ${options.keepCheckoutClean ? `the new ${baselineRepoPath} to ${written}` : baselineRepoPath} from commit ${trained.record.provenance.commit.slice(0, 12)} on ${branch}`);
    return { baselinePath: written, baselineRepoPath, content, branch, trained };
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
