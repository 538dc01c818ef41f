import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditOptionsOf,
  runAudit,
  trainRepeats
} from "./chunk-YWFT4JQV.js";
import "./chunk-MJKHSBHT.js";
import "./chunk-ZPKAI2DM.js";
import "./chunk-KCPFC6SC.js";
import "./chunk-2A5JFZ5N.js";
import "./chunk-77UJ7ENF.js";
import "./chunk-BIUNIM4L.js";
import "./chunk-TDFJ662L.js";
import "./chunk-I63UEMJ6.js";
import "./chunk-HZAAV3XK.js";
import "./chunk-OVI3PV4X.js";
import "./chunk-IVQHFOVH.js";
import "./chunk-OR34RBAR.js";
import "./chunk-3RKDC7ER.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-YHXNFVL5.js";
import "./chunk-JNZOPF5K.js";
import "./chunk-2BMG6D22.js";
import "./chunk-UGAHOFV2.js";
import "./chunk-6IUVFXUV.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-S4SLZWY6.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
import "./chunk-PA5XLRHK.js";
import "./chunk-B2G2PD4H.js";
import "./chunk-CXS5COCN.js";
import "./chunk-4LWL47T5.js";
import "./chunk-HX7VJSHX.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  auditOptionsOf,
  runAudit,
  trainRepeats
};
