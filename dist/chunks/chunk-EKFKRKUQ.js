import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;

// src/compare/glob.ts
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
