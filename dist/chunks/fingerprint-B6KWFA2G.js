import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
} from "./chunk-U7ABJGOV.js";
import "./chunk-7BHKTXGZ.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
};
