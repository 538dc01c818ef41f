import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  expandFileGlob
} from "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import {
  fingerprintCheckpoint
} from "./chunk-BLJRTHI4.js";
import "./chunk-O7PLZ7CT.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-KMS2X7K7.js";
import "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/run-checkpoints.ts
init_define_REPRO_CHART_LIBRARY();
import { access } from "node:fs/promises";
import path from "node:path";
async function recordCheckpoints(plan, run) {
  const pattern = plan.glob.replaceAll("{out}", run.outDir);
  const files = await checkpointFilesOf(pattern, run.cwd);
  const warnings = [];
  if (files.length === 0) {
    const unmatched = `checkpoints "${plan.glob}" matched no file (looked for ${path.resolve(run.cwd, pattern)}); no weights were recorded`;
    run.context.log.warning(unmatched);
    warnings.push(unmatched);
  }
  const checkpoints = [];
  for (const file of files) checkpoints.push(await fingerprintCheckpoint(file));
  if (plan.averageLast === void 0 && plan.evalCommand === void 0)
    return { checkpoints, merged: null, finals: /* @__PURE__ */ new Map(), warnings };
  const { averageAndEvaluate } = await import("./checkpoint-eval-BD2BJNKI.js");
  const evaluation = await averageAndEvaluate(plan, files, run);
  return { checkpoints, merged: evaluation.merged, finals: evaluation.finals, warnings };
}
async function checkpointFilesOf(pattern, baseDir) {
  const absolute = path.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? "/" : baseDir, absolute ? pattern.slice(1) : pattern);
  const paths = files.map((relative) => absolute ? `/${relative}` : path.join(baseDir, relative));
  const present = await Promise.all(
    paths.map(
      (file) => access(file).then(
        () => true,
        () => false
      )
    )
  );
  return paths.filter((_, i) => present[i]);
}
export {
  recordCheckpoints
};
