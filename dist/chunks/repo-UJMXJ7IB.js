import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  firstLine,
  openFailure,
  openRepo
} from "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  firstLine,
  openFailure,
  openRepo
};
