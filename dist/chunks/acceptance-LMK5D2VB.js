import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  httpStatusOf
} from "./chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/acceptance.ts
init_define_REPRO_CHART_LIBRARY();
var ACCEPTING_ROLES = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function findDriftAcceptance(client, query, log) {
  const where = { owner: query.owner, repo: query.repo, issue_number: query.prNumber };
  const sameLabel = (name) => name !== void 0 && name.toLowerCase() === query.label.toLowerCase();
  let step = "list the PR's labels";
  try {
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, { ...where, per_page: 100 });
    if (!labels.some((l) => sameLabel(l.name))) return null;
    step = "read who added the label (issue events)";
    const events = await client.paginate(client.rest.issues.listEvents, { ...where, per_page: 100 });
    const labeled = events.filter((e) => e.event === "labeled" && "label" in e && sameLabel(e.label.name)).at(-1);
    const actor = labeled?.actor?.login;
    if (!labeled || !actor) {
      log.info(
        `Label "${query.label}" is on PR #${query.prNumber}, but GitHub reports no one who added it; drift is not accepted.`
      );
      return null;
    }
    step = `read @${actor}'s permission`;
    const role = await collaboratorRole(client, query, actor);
    if (!ACCEPTING_ROLES.has(role)) {
      log.info(
        `Label "${query.label}" on PR #${query.prNumber} was added by @${actor}, whose permission is "${role}"; only write, maintain or admin can accept drift, so it is ignored.`
      );
      return null;
    }
    log.info(
      `Drift accepted on PR #${query.prNumber}: label "${query.label}" added by @${actor} (${role}) at ${labeled.created_at}.`
    );
    return { acceptedBy: actor, acceptedAt: labeled.created_at };
  } catch (error) {
    const status = httpStatusOf(error);
    const permissionHint = status === 403 || status === 404 ? " The token needs `pull-requests: read` (or `issues: read`) in the job's `permissions:`." : "";
    log.warning(
      `Could not ${step} for the accept label (${status === void 0 ? "no HTTP answer" : `HTTP ${status}`}: ${error.message?.split("\n")[0]}); drift is not accepted.${permissionHint}`
    );
    return null;
  }
}
async function collaboratorRole(client, query, username) {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      owner: query.owner,
      repo: query.repo,
      username
    });
    return ACCEPTING_ROLES.has(data.role_name) ? data.role_name : data.permission;
  } catch (error) {
    if (httpStatusOf(error) === 404) return "none";
    throw error;
  }
}
export {
  findDriftAcceptance
};
