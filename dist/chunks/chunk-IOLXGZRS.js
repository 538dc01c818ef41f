import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;

// src/errors.ts
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
function describeError(error) {
  if (error instanceof ReproError) return error.hint ? `${error.message}
${error.hint}` : error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

export {
  EXIT_PASS,
  EXIT_DRIFT,
  EXIT_BAD_INPUT,
  ReproError,
  InputFileError,
  describeError
};
