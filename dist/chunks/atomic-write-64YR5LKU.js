import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  checkWritable,
  writeAtomicWith,
  writeFileAtomic
} from "./chunk-UTVMXS7R.js";
import "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";
export {
  checkWritable,
  writeAtomicWith,
  writeFileAtomic
};
