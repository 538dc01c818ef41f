import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditOptionsOf,
  runAudit,
  trainRepeats
} from "./chunk-SMF3D6WG.js";
import "./chunk-MJKHSBHT.js";
import "./chunk-TSBPEDO7.js";
import "./chunk-3YI7KUSI.js";
import "./chunk-4BWAYEIY.js";
import "./chunk-77UJ7ENF.js";
import "./chunk-YGTOSCVT.js";
import "./chunk-FGECTIXH.js";
import "./chunk-UZ3KSB34.js";
import "./chunk-HZAAV3XK.js";
import "./chunk-OVI3PV4X.js";
import "./chunk-HUU5U23F.js";
import "./chunk-OR34RBAR.js";
import "./chunk-EDD35MAI.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-YHXNFVL5.js";
import "./chunk-JNZOPF5K.js";
import "./chunk-2BMG6D22.js";
import "./chunk-UGAHOFV2.js";
import "./chunk-FHDZ3J2V.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-VTD6APR2.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
import "./chunk-PA5XLRHK.js";
import "./chunk-VTHSDFUV.js";
import "./chunk-DBEUN44C.js";
import "./chunk-4LWL47T5.js";
import "./chunk-HX7VJSHX.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  auditOptionsOf,
  runAudit,
  trainRepeats
};
