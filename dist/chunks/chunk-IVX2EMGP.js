import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/errors.ts
init_define_REPRO_CHART_LIBRARY();
var EXIT_PASS = 0;
var EXIT_DRIFT = 1;
var EXIT_BAD_INPUT = 2;
var ReproError = class extends Error {
  /** A short line telling the user what to do next, printed under the message. */
  hint;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ReproError";
    this.hint = options.hint;
  }
};
var InputFileError = class extends ReproError {
  constructor(file, line, problem, options = {}) {
    super(`${file}${line === void 0 ? "" : `:${line}`}: ${problem}`, options);
    this.file = file;
    this.line = line;
    this.name = "InputFileError";
  }
  file;
  line;
};
var ERRNO_MEANINGS = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "is a folder",
  EMFILE: "too many open files",
  EIO: "input/output error"
};
function errnoMeaning(code) {
  return (code && ERRNO_MEANINGS[code]) ?? code ?? "unknown error";
}
function describeFileSystemError(error) {
  if (typeof error.code !== "string" || !/^E[A-Z]+$/.test(error.code) || typeof error.path !== "string") return null;
  return `${error.path}: ${errnoMeaning(error.code)}${error.syscall ? ` (${error.syscall})` : ""}`;
}
function describeError(error, options = {}) {
  if (error instanceof ReproError) return error.hint ? `${error.message}
${error.hint}` : error.message;
  const fileSystem = error instanceof Error ? describeFileSystemError(error) : null;
  if (fileSystem) return fileSystem;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const detail = options.stack && error instanceof Error && error.stack ? `
${error.stack}` : options.stackHint ? `
(${options.stackHint} shows the stack trace)` : "";
  return `internal error, please report it at https://github.com/repro-check/repro-check/issues: ${message}${detail}`;
}

export {
  EXIT_PASS,
  EXIT_DRIFT,
  EXIT_BAD_INPUT,
  ReproError,
  InputFileError,
  errnoMeaning,
  describeError
};
