import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  writeAtomicWith,
  writeFileAtomic
} from "./chunk-S5WWYZ4I.js";
import "./chunk-EDCSKNQF.js";
export {
  writeAtomicWith,
  writeFileAtomic
};
