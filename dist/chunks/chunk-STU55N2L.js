import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/git/command.ts
init_define_REPRO_CHART_LIBRARY();
import { spawn } from "node:child_process";
var SAFE_GIT_CONFIG = ["core.fsmonitor=false", "core.hooksPath=/dev/null"];
function gitIn(repoDir, baseEnv = process.env) {
  return (args, options = {}) => new Promise((resolve, reject) => {
    const child = spawn("git", [...SAFE_GIT_CONFIG.flatMap((setting) => ["-c", setting]), ...args], {
      cwd: repoDir,
      env: {
        ...baseEnv,
        ...options.env,
        GIT_TERMINAL_PROMPT: "0",
        GCM_INTERACTIVE: "never",
        LC_ALL: "C",
        LANGUAGE: "C"
      },
      stdio: ["pipe", "pipe", "pipe"]
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.stdin.on("error", () => void 0);
    child.on(
      "close",
      (code) => resolve({
        exitCode: code ?? 1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8")
      })
    );
    child.stdin.end(options.input ?? "");
  });
}

export {
  SAFE_GIT_CONFIG,
  gitIn
};
