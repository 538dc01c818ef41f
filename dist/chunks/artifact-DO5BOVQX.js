import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  ArtifactNotFoundError,
  DefaultArtifactClient
} from "./chunk-GELTPQA6.js";
import "./chunk-BZCHYY7N.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import "./chunk-2IZJAXB4.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/artifact.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
var UNSAFE_NAME_CHARACTERS = /[":<>|*?\\/\s\p{Cc}]+/gu;
var NAME_PREFIX = "repro-check-";
var LONGEST_KEY_PART = 100;
function artifactName(commentKey) {
  const cleaned = commentKey.replace(UNSAFE_NAME_CHARACTERS, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  const keyPart = cleaned.slice(0, LONGEST_KEY_PART);
  if (keyPart === commentKey && keyPart !== "") return `${NAME_PREFIX}${keyPart}`;
  const hash = createHash("sha256").update(commentKey, "utf8").digest("hex").slice(0, 8);
  return keyPart === "" ? `${NAME_PREFIX}${hash}` : `${NAME_PREFIX}${keyPart}-${hash}`;
}
function commonFolder(paths) {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0];
  if (!first) throw new Error("commonFolder needs at least one path");
  let depth = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(depth, parts.length) && parts[same] === first[same]) same += 1;
    depth = same;
  }
  return first.slice(0, depth).join(path.sep) || path.sep;
}
async function uploadRunArtifact(request) {
  const name = artifactName(request.commentKey);
  const skip = (reason) => {
    request.log.warning(reason);
    return { skipped: reason };
  };
  if (!request.env["ACTIONS_RUNTIME_TOKEN"]) {
    return skip(
      `Run artifact ${name} not uploaded: the runner's artifact credentials (ACTIONS_RUNTIME_TOKEN) are not in the environment. The runner gives them to action steps (\`uses:\`), not to \`run:\` steps; outside GitHub Actions there is nothing to upload to.`
    );
  }
  const unique = [...new Set(request.files.map((f) => path.resolve(f)))];
  const present = [];
  const missing = [];
  for (const file of unique) (await isFile(file) ? present : missing).push(file);
  if (missing.length > 0)
    request.log.warning(`Run artifact ${name}: left out ${missing.length} missing file(s): ${missing.join(", ")}`);
  if (present.length === 0) return skip(`Run artifact ${name} not uploaded: none of its files exist.`);
  const rootDir = commonFolder([...request.rootDir ? [request.rootDir] : [], ...present.map((f) => path.dirname(f))]);
  const uploader = request.uploader ?? new DefaultArtifactClient();
  const options = request.retentionDays === void 0 ? {} : { retentionDays: request.retentionDays };
  for (let copy = 1; ; copy += 1) {
    const candidate = copy === 1 ? name : `${name}-${copy}`;
    try {
      const response = await uploader.uploadArtifact(candidate, present, rootDir, options);
      request.log.info(
        `Uploaded run artifact ${candidate} (${present.length} file(s)${response.size === void 0 ? "" : `, ${response.size} bytes`}).`
      );
      if (copy > 1)
        request.log.warning(
          `Run artifact ${name} already existed in this workflow run (a second repro-check step with the same comment-key?); uploaded as ${candidate}. Give each step its own comment-key.`
        );
      return {
        uploaded: { name: candidate, id: response.id ?? null, size: response.size ?? null, files: present, rootDir }
      };
    } catch (error) {
      const message = error.message?.split("\n")[0] ?? String(error);
      if (NAME_TAKEN.test(message) && copy < MAX_NAME_COPIES) continue;
      const reason = `Could not upload the run artifact ${candidate}: ${message}. The verdict stands; the report is in the job summary.`;
      request.log.warning(reason);
      return { failed: reason };
    }
  }
}
var NAME_TAKEN = /\(409\)/;
var MAX_NAME_COPIES = 5;
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
async function downloadRunArtifact(request) {
  if (!request.env["ACTIONS_RUNTIME_TOKEN"]) {
    throw new ReproError(
      `Cannot download the run artifact ${request.name}: the runner's artifact credentials (ACTIONS_RUNTIME_TOKEN) are not in the environment.`,
      {
        hint: "mode: publish runs as an action step (`uses:`) in the same workflow run as the check job."
      }
    );
  }
  const downloader = request.downloader ?? new DefaultArtifactClient();
  let id;
  try {
    id = (await downloader.getArtifact(request.name)).artifact.id;
  } catch (error) {
    if (error instanceof ArtifactNotFoundError || error.name === "ArtifactNotFoundError") {
      throw new ReproError(
        `No artifact ${request.name} in this workflow run: the check job did not upload its verdict (it failed before one, was skipped, or has another comment-key).`,
        {
          hint: "Run the publish job after the check job (`needs:` with `if: always()`), and give both the same comment-key (or check-name): the artifact is repro-check-<comment-key>."
        }
      );
    }
    throw new ReproError(
      `Could not look up the run artifact ${request.name}: ${error.message.split("\n")[0]}`,
      { hint: "A re-run of the publish job tries again." }
    );
  }
  try {
    const { downloadPath } = await downloader.downloadArtifact(id, { path: request.dir });
    return downloadPath ?? request.dir;
  } catch (error) {
    throw new ReproError(
      `Could not download the run artifact ${request.name}: ${error.message.split("\n")[0]}`,
      { hint: "A re-run of the publish job tries again." }
    );
  }
}
export {
  artifactName,
  commonFolder,
  downloadRunArtifact,
  uploadRunArtifact
};
