import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-UCXDISJA.js";
import "./chunk-GFWGNPAP.js";
export {
  writeFileAtomic
};
