import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  resolveBaselinePath
} from "./chunk-YNBARV23.js";
import {
  prepareRepo,
  repoRelative,
  requireBranch
} from "./chunk-JDQKXCCS.js";
import "./chunk-POGUDY43.js";
import "./chunk-VDH5N6JF.js";
import {
  collectRunEnvironment,
  trainAndRecord
} from "./chunk-662RSX4I.js";
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  isReproDocument,
  serializeDocument
} from "./chunk-RGU3UPBW.js";
import "./chunk-EKFKRKUQ.js";
import "./chunk-FFIWSJJ3.js";
import "./chunk-KQYA27FT.js";
import "./chunk-ZXZIR2NE.js";
import "./chunk-CRRUE2XT.js";
import "./chunk-22M5EIFX.js";
import "./chunk-B3UAENMU.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import "./chunk-6WVETXQX.js";
import "./chunk-UV23MCD5.js";
import {
  checkWritable,
  writeFileAtomic
} from "./chunk-UTVMXS7R.js";
import {
  InputFileError
} from "./chunk-G7ZQVM5D.js";
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
  const label = `the baseline ${repoRelative(repo, baselinePath)}`;
  if (!options.keepCheckoutClean) await checkWritable(baselinePath, label);
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
    await writeFileAtomic(written, content, options.keepCheckoutClean ? written : label);
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
