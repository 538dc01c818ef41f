import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  COMMENT_BODY_LIMIT,
  MAX_RENDERED_METRICS,
  UNCLEAN_TREE_NOTE,
  drifted,
  headlineText,
  renderMarkdown,
  seedMismatchNote,
  uncleanTreeLine
} from "./chunk-PQWUCH3J.js";
import "./chunk-DBEUN44C.js";
import "./chunk-NV534FCQ.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  COMMENT_BODY_LIMIT,
  MAX_RENDERED_METRICS,
  UNCLEAN_TREE_NOTE,
  drifted,
  headlineText,
  renderMarkdown,
  seedMismatchNote,
  uncleanTreeLine
};
