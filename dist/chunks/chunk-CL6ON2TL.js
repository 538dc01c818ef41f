import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  globToRegExp
} from "./chunk-WSLLZDSC.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/metrics/glob-files.ts
init_define_REPRO_CHART_LIBRARY();
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// src/metrics/run-folders.ts
init_define_REPRO_CHART_LIBRARY();
var VERSIONED_RUN_FOLDER_PATTERNS = [
  String.raw`version_\d+`,
  String.raw`[A-Z][a-z]{2}\d{2}_\d{2}-\d{2}-\d{2}_.+`,
  // A date and time anywhere after a name: `20231130-090000`, `train_2023-11-30_09-00-00`, `…T09:00:00`.
  String.raw`(?:.*[-_])?\d{4}-?\d{2}-?\d{2}[-_T]\d{2}[-_:]?\d{2}[-_:]?\d{2}(?:\.\d+)?(?:[-_+].*)?`,
  // Hydra's `outputs/<%Y-%m-%d>/<%H-%M-%S>`: the day and the time are folders of their own.
  String.raw`\d{4}-\d{2}-\d{2}`,
  String.raw`\d{2}-\d{2}-\d{2}`,
  // W&B's `wandb/run-<%Y%m%d_%H%M%S>-<id>` (and `offline-run-…`), should a glob reach into it.
  String.raw`(?:offline-)?run-\d{8}_\d{6}-\w+`,
  String.raw`1\d{9}(?:\.\d+)?`
];
var VERSIONED_RUN_FOLDER = new RegExp(`^(?:${VERSIONED_RUN_FOLDER_PATTERNS.join("|")})$`);
function isVersionedRunFolder(name) {
  return VERSIONED_RUN_FOLDER.test(name);
}
function versionOf(relativePath) {
  const segments = relativePath.split("/").slice(0, -1);
  let last = -1;
  segments.forEach((segment, index) => {
    if (isVersionedRunFolder(segment)) last = index;
  });
  return segments.slice(0, last + 1).join("/");
}
function distinctRuns(relativePaths) {
  const versions = [...new Set(relativePaths.map(versionOf))];
  const holds = (outer, inner) => outer !== inner && (outer === "" || inner.startsWith(`${outer}/`));
  return versions.filter((version) => !versions.some((other) => holds(version, other))).sort();
}
var MTIME_SLACK_MS = 1e3;
function splitByRunStart(files, notBefore) {
  if (notBefore === null) return { fresh: files, stale: [] };
  const limit = notBefore.getTime() - MTIME_SLACK_MS;
  return { fresh: files.filter((f) => f.mtimeMs >= limit), stale: files.filter((f) => f.mtimeMs < limit) };
}
function describeDatedFiles(files, limit = 5) {
  const shown = files.slice(0, limit).map((f) => `${f.path} (written ${new Date(f.mtimeMs).toISOString()})`);
  return files.length > limit ? `${shown.join(", ")} and ${files.length - limit} more` : shown.join(", ");
}

// src/metrics/glob-files.ts
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules"]);
var MAX_FILES_VISITED = 1e5;
async function expandFileGlob(baseDir, pattern) {
  const normalized = pattern.split(path.sep).join("/");
  if (!/[*?]/.test(normalized))
    return { staticPrefix: path.posix.dirname(normalized), files: [normalized], isGlob: false };
  const segments = normalized.split("/");
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const staticPrefix = segments.slice(0, firstWild).join("/");
  const matcher = globToRegExp(normalized);
  const files = listFiles(baseDir, staticPrefix, (relative) => matcher.test(relative));
  return { staticPrefix, files: files.sort(), isGlob: true };
}
function listFiles(baseDir, relativeDir, keep) {
  const files = [];
  let visited = 0;
  function walk(dir) {
    let entries;
    try {
      entries = readdirSync(path.join(baseDir, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++visited > MAX_FILES_VISITED) return;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(relative);
      } else if (keep(relative)) files.push(relative);
    }
  }
  walk(relativeDir);
  return files;
}
function withModificationTimes(baseDir, files) {
  return files.map((file) => ({ path: file, mtimeMs: statSync(path.join(baseDir, file)).mtimeMs }));
}
function describeFilesWrittenSince(baseDir, notBefore) {
  if (notBefore === null) return "";
  let files;
  try {
    files = withModificationTimes(
      baseDir,
      listFiles(baseDir, "", () => true)
    );
  } catch {
    return "";
  }
  const { fresh } = splitByRunStart(files, notBefore);
  if (fresh.length === 0) return `. The training wrote no file in ${baseDir} during this run`;
  return `. Files the training wrote during this run: ${describeDatedFiles(fresh.sort((a, b) => b.mtimeMs - a.mtimeMs))}`;
}

export {
  isVersionedRunFolder,
  distinctRuns,
  splitByRunStart,
  describeDatedFiles,
  expandFileGlob,
  listFiles,
  withModificationTimes,
  describeFilesWrittenSince
};
