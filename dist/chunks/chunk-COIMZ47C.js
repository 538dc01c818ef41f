import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
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

export {
  resolveBaselinePath,
  isBaselineFile
};
