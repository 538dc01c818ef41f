import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/repo-path.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
function toPosixPath(p) {
  return p.split(path.sep).join("/");
}
function repoPathWithin(root, file) {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return null;
  return toPosixPath(relative);
}

export {
  toPosixPath,
  repoPathWithin
};
