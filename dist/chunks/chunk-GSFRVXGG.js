import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  decodeMetricData,
  decodeRecordDocument,
  isReproDocument
} from "./chunk-UXIL344N.js";
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/baseline-location.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
function resolveBaselinePath(pattern, environment, env, hostname) {
  const gpu = environment.gpu?.devices[0]?.name ?? "cpu";
  return pattern.replaceAll("{runner}", slug(env.RUNNER_NAME ?? hostname)).replaceAll("{gpu}", slug(gpu));
}
function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
}
function toPosix(relativePath) {
  return relativePath.split(path.sep).join("/");
}
function isBaselineFile(pattern, workingDirectory, repoPath) {
  const full = path.posix.normalize(path.posix.join(toPosix(workingDirectory), toPosix(pattern)));
  const placeholder = /\\\{(runner|gpu)\\\}/g;
  const source = full.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(placeholder, "[a-z0-9-]+");
  return new RegExp(`^${source}$`).test(repoPath);
}

// src/record/baseline-store.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
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

export {
  resolveBaselinePath,
  isBaselineFile,
  workingTreeBaseline,
  loadBaselineForCheck,
  refuseNewerBaseline
};
