import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/compare/glob.ts
init_define_REPRO_CHART_LIBRARY();
function globToRegExp(glob) {
  let pattern = "";
  for (const char of glob) {
    if (char === "*") pattern += ".*";
    else if (char === "?") pattern += ".";
    else pattern += char.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`, "s");
}
function matchesAnyGlob(name, globs) {
  return globs.some((glob) => glob.test(name));
}

export {
  globToRegExp,
  matchesAnyGlob
};
