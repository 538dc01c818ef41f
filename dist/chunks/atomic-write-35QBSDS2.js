import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  writeFileAtomic
} from "./chunk-TYKLGCUW.js";
import "./chunk-EDCSKNQF.js";
export {
  writeFileAtomic
};
