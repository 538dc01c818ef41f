import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  acceptanceFinder,
  outcomeHeadline,
  publishCheckToGithub,
  publishFromArtifact,
  publishVerdict
} from "./chunk-7IAADZVQ.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-TWRLUOLI.js";
import "./chunk-HVC52ATB.js";
import "./chunk-4NT54M3U.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import "./chunk-BZCHYY7N.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import "./chunk-NLYP5N4V.js";
import "./chunk-FCTVIH2T.js";
export {
  acceptanceFinder,
  outcomeHeadline,
  publishCheckToGithub,
  publishFromArtifact,
  publishVerdict
};
