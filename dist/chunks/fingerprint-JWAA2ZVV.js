import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  collectEnvironment,
  execText,
  hashPath,
  withPythonFacts
} from "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-KUD2POCN.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  collectEnvironment,
  execText,
  hashPath,
  withPythonFacts
};
