import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  toPosixPath
} from "./chunk-L43LQIL3.js";
import {
  ReproError
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
function resolveRecordsBaselinePath(pattern, records, setting) {
  const fill = (placeholder, valueOf, text) => {
    if (!text.includes(placeholder)) return text;
    const values = [...new Set(records.map((r) => valueOf(r)).map((v) => v === null ? null : slug(v)))];
    if (values.includes(null))
      throw new ReproError(
        `${setting} "${pattern}": ${placeholder} cannot be filled: ${values.length === 1 ? "the run records do not name" : "some run records do not name"} the runner that trained them (records made outside GitHub Actions, or before runner names were recorded)`,
        { hint: `Use {gpu} or a fixed path in ${setting}.` }
      );
    if (values.length > 1)
      throw new ReproError(
        `${setting} "${pattern}": the run records disagree on ${placeholder} (${values.join(", ")}); a baseline per kind of hardware needs records of one kind`,
        { hint: `Aggregate the records of each kind apart, or use a fixed path in ${setting}.` }
      );
    return text.replaceAll(placeholder, values[0]);
  };
  const withGpu = fill("{gpu}", (r) => r.environment.gpu?.devices[0]?.name ?? "cpu", pattern);
  return fill("{runner}", (r) => r.runner?.label ?? null, withGpu);
}
function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
}
function isBaselineFile(pattern, workingDirectory, repoPath) {
  const full = path.posix.normalize(path.posix.join(toPosixPath(workingDirectory), toPosixPath(pattern)));
  const placeholder = /\\\{(runner|gpu)\\\}/g;
  const source = full.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(placeholder, "[a-z0-9-]+");
  return new RegExp(`^${source}$`).test(repoPath);
}

export {
  resolveBaselinePath,
  resolveRecordsBaselinePath,
  isBaselineFile
};
