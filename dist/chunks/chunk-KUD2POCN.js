import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/proc/run-process.ts
init_define_REPRO_CHART_LIBRARY();
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

// src/proc/output-lines.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_LINE_CHARS = 4096;
var MAX_PARTIAL_CHARS = 1024 * 1024;
function lineSplitter(onLine) {
  let partial = "";
  return {
    push(chunk) {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      if (partial.length > MAX_PARTIAL_CHARS) {
        onLine(partial);
        partial = "";
      }
      for (const line of lines) onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
    },
    flush() {
      if (partial) onLine(partial);
      partial = "";
    }
  };
}
var OutputTail = class {
  constructor(maxBytes, maxLines) {
    this.maxBytes = maxBytes;
    this.maxLines = maxLines;
  }
  maxBytes;
  maxLines;
  kept = [];
  bytes = 0;
  push(line) {
    const cut = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}\u2026` : line;
    this.kept.push(cut);
    this.bytes += Buffer.byteLength(cut);
    while (this.kept.length > this.maxLines || this.bytes > this.maxBytes && this.kept.length > 1)
      this.bytes -= Buffer.byteLength(this.kept.shift());
  }
  lines() {
    return [...this.kept];
  }
};

// src/proc/run-process.ts
var TIMEOUT_KILL_GRACE_MS = 1e4;
var CANCEL_KILL_GRACE_MS = 5e3;
var TAIL_LINES = 50;
var MAX_TIMER_MS = 2 ** 31 - 1;
var PIPE_DRAIN_MS = 2e3;
async function runProcess(options) {
  const command = options.shell !== void 0 ? ["bash", "-c", options.shell] : options.argv ?? [];
  if (command.length === 0) throw new TypeError("runProcess needs `shell` or a non-empty `argv`");
  const [file, ...args] = [...options.wrapper ?? [], ...command];
  const started = Date.now();
  const tail = new OutputTail(options.maxCapturedBytes ?? 64 * 1024, TAIL_LINES);
  const killGraceMs = options.killGraceMs ?? TIMEOUT_KILL_GRACE_MS;
  const cancelGraceMs = options.cancelGraceMs ?? CANCEL_KILL_GRACE_MS;
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let killTimer;
    let killAt = Infinity;
    const finish = (ended) => resolve({ ...ended, timedOut, cancelled, outputTail: tail.lines(), durationMs: Date.now() - started });
    let child;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
      });
    } catch (error) {
      finish({ exitCode: null, signal: null, startError: startErrorText(error) });
      return;
    }
    if (child.stdin) {
      child.stdin.on("error", () => void 0);
      child.stdin.end(options.input);
    }
    const stopGroup = (graceMs) => {
      if (killTimer === void 0) signalGroup(child.pid, "SIGTERM");
      if (Date.now() + graceMs >= killAt) return;
      killAt = Date.now() + graceMs;
      clearTimeout(killTimer);
      killTimer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), graceMs);
    };
    const timeout = setTimeout(
      () => {
        timedOut = true;
        stopGroup(killGraceMs);
      },
      Math.min(options.timeoutMs, MAX_TIMER_MS)
    );
    const cancel = () => {
      cancelled = true;
      stopGroup(cancelGraceMs);
    };
    options.signal?.addEventListener("abort", cancel, { once: true });
    if (options.signal?.aborted) cancel();
    const stopListening = onOurTermination(cancel);
    const splitters = ["stdout", "stderr"].map((stream) => {
      const splitter = lineSplitter((line) => {
        tail.push(line);
        options.onOutputLine?.(line, stream);
      });
      child[stream].setEncoding("utf8");
      child[stream].on("data", (chunk) => {
        options.onOutput?.(chunk, stream);
        splitter.push(chunk);
      });
      return splitter;
    });
    let spawnError = null;
    child.on("error", (error) => {
      spawnError = error;
    });
    let drainTimer;
    child.on("exit", () => {
      signalGroup(child.pid, "SIGKILL");
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, PIPE_DRAIN_MS);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timeout);
      options.signal?.removeEventListener("abort", cancel);
      stopListening();
      splitters.forEach((splitter) => splitter.flush());
      if (killTimer) clearTimeout(killTimer);
      if (drainTimer) clearTimeout(drainTimer);
      const failed = spawnError;
      if (failed?.code === "ENOENT" && !existsSync(options.cwd))
        finish({ exitCode: null, signal: null, startError: `its working directory ${options.cwd} does not exist` });
      else if (failed?.code === "ENOENT") {
        tail.push(`${file}: command not found`);
        finish({ exitCode: 127, signal: null, startError: null });
      } else if (failed) finish({ exitCode: null, signal: null, startError: startErrorText(failed) });
      else finish({ exitCode: code, signal, startError: null });
    });
  });
}
var onTermination = /* @__PURE__ */ new Set();
var passOnTermination = () => onTermination.forEach((cancel) => cancel());
function onOurTermination(cancel) {
  if (onTermination.size === 0) {
    process.on("SIGINT", passOnTermination);
    process.on("SIGTERM", passOnTermination);
  }
  onTermination.add(cancel);
  return () => {
    onTermination.delete(cancel);
    if (onTermination.size > 0) return;
    process.off("SIGINT", passOnTermination);
    process.off("SIGTERM", passOnTermination);
  };
}
function startErrorText(error) {
  if (error.code === "ERR_INVALID_ARG_VALUE") return "it contains a NUL character, which no program argument can hold";
  const known = {
    E2BIG: "argument list too long (Linux allows at most 128 KiB in one argument and about 2 MiB for all arguments and the environment together)",
    EACCES: "permission denied",
    ENOMEM: "out of memory",
    EAGAIN: "too many processes (resource temporarily unavailable)",
    ENOEXEC: "not an executable format"
  };
  return (error.code && known[error.code]) ?? error.message;
}
function signalGroup(pid, signal) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
  }
}

export {
  runProcess
};
