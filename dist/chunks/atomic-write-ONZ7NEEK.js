import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  checkWritable,
  writeAtomicWith,
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  checkWritable,
  writeAtomicWith,
  writeFileAtomic
};
