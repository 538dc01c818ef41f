import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  STATUS_DESCRIPTION_LIMIT,
  fitLine
} from "./chunk-4NT54M3U.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/status.ts
init_define_REPRO_CHART_LIBRARY();
function statusContext(checkName) {
  return `repro-check/${checkName}`;
}
async function postCommitStatus(client, status) {
  const context = statusContext(status.checkName);
  const description = fitLine(status.description, STATUS_DESCRIPTION_LIMIT);
  const response = await client.rest.repos.createCommitStatus({
    owner: status.repo.owner,
    repo: status.repo.repo,
    sha: status.sha,
    state: status.state,
    context,
    description,
    target_url: status.targetUrl
  });
  return { context, description, creator: response.data.creator?.login ?? null };
}

export {
  statusContext,
  postCommitStatus
};
