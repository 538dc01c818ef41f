import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/metrics/locators.ts
init_define_REPRO_CHART_LIBRARY();
function placeOfRecord(locator, record) {
  return locator.place?.(record) ?? { file: locator.file };
}
var withHint = (hint) => hint === void 0 ? {} : { hint };
function lineLocator(file) {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem, hint) => new InputFileError(file, line, problem, withHint(hint)),
    place: (line) => ({ file, line })
  };
}
function arrayEntryLocator(file, arrayPath) {
  return {
    file,
    describe: (index) => `${file} ${arrayPath}[${index}]`,
    error: (index, problem, hint) => new InputFileError(file, void 0, `${arrayPath}[${index}]: ${problem}`, withHint(hint))
  };
}
function wholeFileLocator(file) {
  return {
    file,
    describe: () => file,
    error: (_record, problem, hint) => new InputFileError(file, void 0, problem, withHint(hint))
  };
}

export {
  placeOfRecord,
  lineLocator,
  arrayEntryLocator,
  wholeFileLocator
};
