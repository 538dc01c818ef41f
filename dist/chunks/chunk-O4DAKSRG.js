import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  runCapturedProcess
} from "./chunk-JSQIMT2O.js";
import {
  processEndPhrase
} from "./chunk-U24SNM4K.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/git/command.ts
init_define_REPRO_CHART_LIBRARY();
var SAFE_GIT_CONFIG = ["core.fsmonitor=false", "core.hooksPath=/dev/null"];
var GIT_TIMEOUT_MS = 15 * 6e4;
function gitIn(repoDir, baseEnv = process.env) {
  return async (args, options = {}) => {
    const result = await runCapturedProcess(
      ["git", ...SAFE_GIT_CONFIG.flatMap((setting) => ["-c", setting]), ...args],
      {
        cwd: repoDir,
        env: {
          ...baseEnv,
          ...options.env,
          GIT_TERMINAL_PROMPT: "0",
          GCM_INTERACTIVE: "never",
          LC_ALL: "C",
          LANGUAGE: "C"
        },
        timeoutMs: GIT_TIMEOUT_MS,
        ...options.input === void 0 ? {} : { input: options.input }
      }
    );
    if (result.exitCode !== null && result.exitCode !== 127 && !result.timedOut && !result.cancelled)
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    const ended = `git ${processEndPhrase(result, `${GIT_TIMEOUT_MS / 6e4} minutes`)}`;
    return {
      exitCode: result.exitCode === 127 ? 127 : 1,
      stdout: result.stdout,
      stderr: result.stderr ? `${result.stderr.trimEnd()}
${ended}
` : `${ended}
`
    };
  };
}
async function gitOrThrow(git, args, what, options) {
  const output = await git(args, options);
  if (output.exitCode !== 0)
    throw new ReproError(
      `Could not ${what}: git exited with ${output.exitCode}: ${output.stderr.trim() || output.stdout.trim()}`
    );
  return output;
}

export {
  gitIn,
  gitOrThrow
};
