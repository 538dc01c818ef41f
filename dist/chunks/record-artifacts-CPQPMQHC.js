import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  RUN_RECORD_FILE
} from "./chunk-AEMQQA4S.js";
import {
  listFiles
} from "./chunk-CL6ON2TL.js";
import {
  globToRegExp
} from "./chunk-WSLLZDSC.js";
import {
  DefaultArtifactClient,
  requireArtifactCredentials
} from "./chunk-IJIOASQS.js";
import "./chunk-BZCHYY7N.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import "./chunk-2IZJAXB4.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/record-artifacts.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function downloadRecordArtifacts(request) {
  const input = `input "record-artifacts": "${request.pattern}"`;
  requireArtifactCredentials(
    request.env,
    `${input}: this workflow run's artifacts cannot be listed`,
    "Run mode: aggregate as an action step (`uses:`) in the workflow run whose matrix jobs uploaded the records."
  );
  const reader = request.reader ?? new DefaultArtifactClient();
  const failed = (what, error) => new ReproError(`${input}: could not ${what}: ${error.message.split("\n")[0]}`, {
    hint: "A re-run of the aggregate job tries again."
  });
  const listed = await reader.listArtifacts({ latest: true }).catch((error) => {
    throw failed("list this workflow run's artifacts", error);
  });
  const matcher = globToRegExp(request.pattern);
  const matching = listed.artifacts.filter((a) => matcher.test(a.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (matching.length === 0)
    throw new ReproError(
      `${input} matches none of this workflow run's ${listed.artifacts.length} artifact${listed.artifacts.length === 1 ? "" : "s"}${listed.artifacts.length > 0 ? ` (${listed.artifacts.map((a) => a.name).sort().join(", ")})` : ""}`,
      {
        hint: "Give the names the matrix jobs upload under (e.g. repro-record-*), and run this job after them (`needs:`)."
      }
    );
  const records = [];
  for (const artifact of matching) {
    const folder = path.join(request.dir, artifact.name);
    await reader.downloadArtifact(artifact.id, { path: folder }).catch((error) => {
      throw failed(`download the artifact ${artifact.name}`, error);
    });
    const found = findRunRecords(folder);
    if (found.length === 0)
      throw new ReproError(`${input}: the artifact ${artifact.name} holds no ${RUN_RECORD_FILE}`, {
        hint: `Each matrix job uploads the run record it wrote (repro-check run -o ${RUN_RECORD_FILE}) under a name the pattern matches; other artifacts need another name.`
      });
    records.push(...found);
  }
  return records;
}
function findRunRecords(dir) {
  return listFiles(dir, "", (relative) => path.posix.basename(relative) === RUN_RECORD_FILE).map((relative) => path.join(dir, relative)).sort();
}
export {
  downloadRecordArtifacts
};
