import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  gitIn
} from "./chunk-O4DAKSRG.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/git/repo.ts
init_define_REPRO_CHART_LIBRARY();
var PASSED_VARIABLES = [
  "PATH",
  "HOME",
  "USER",
  "TMPDIR",
  "XDG_CONFIG_HOME",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH"
];
function gitAt(dir) {
  const env = {};
  for (const name of PASSED_VARIABLES) if (process.env[name] !== void 0) env[name] = process.env[name];
  return gitIn(dir, env);
}
async function stdoutOf(git, args) {
  const output = await git(args);
  if (output.exitCode !== 0) throw new Error(output.stderr.trim() || `git exited with code ${output.exitCode}`);
  return output.stdout;
}
async function openRepo(dir) {
  let root;
  try {
    root = (await stdoutOf(gitAt(dir), ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    throw openFailure(dir, error instanceof Error ? error.message : String(error));
  }
  const git = gitAt(root);
  return {
    root,
    run: (args) => stdoutOf(git, args),
    tryRun: async (args) => {
      const output = await git(args);
      return output.exitCode === 0 ? output.stdout : null;
    }
  };
}
function openFailure(dir, gitMessage) {
  const owner = /dubious ownership in repository at '([^']+)'/.exec(gitMessage) ?? /unsafe repository \('([^']+)' is owned by someone else\)/.exec(gitMessage);
  if (owner) {
    return new ReproError(
      `git refuses the repository at ${owner[1]}: it is owned by another user than the one running repro-check ("dubious ownership")`,
      {
        hint: `Mark it safe for this user: git config --global --add safe.directory ${owner[1]} (actions/checkout does this for its own steps only), or run the job as the workspace's owner.`
      }
    );
  }
  return new ReproError(`${dir} is not inside a git repository (${firstLine(gitMessage)})`, {
    hint: "repro-check trains committed code only: run it inside a clone of your repository."
  });
}
function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).trim().split("\n")[0] ?? "";
}

export {
  openRepo,
  openFailure,
  firstLine
};
