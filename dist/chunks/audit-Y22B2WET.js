import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditOptionsOf,
  runAudit,
  trainRepeats
} from "./chunk-JWHLWSBK.js";
import "./chunk-2WUOH5TG.js";
import "./chunk-6ZBKY7FV.js";
import "./chunk-667HCUTY.js";
import "./chunk-522254NV.js";
import "./chunk-HMN27A7O.js";
import "./chunk-RI2GIVHQ.js";
import "./chunk-W42YVMJW.js";
import "./chunk-W2APLJNB.js";
import "./chunk-EXNMS6RL.js";
import "./chunk-STU55N2L.js";
import "./chunk-HQZEXTL7.js";
import "./chunk-UXIL344N.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-GT4JQZCA.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-U7ABJGOV.js";
import "./chunk-7BVDV4S2.js";
import "./chunk-UM2EBPGX.js";
import "./chunk-7BHKTXGZ.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-Z2KNO6IU.js";
import "./chunk-DBEUN44C.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-N3HAK6MM.js";
import "./chunk-SKRDZTFF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-4NT54M3U.js";
import "./chunk-OFCAAITS.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-4LWL47T5.js";
import "./chunk-54B7A6WN.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  auditOptionsOf,
  runAudit,
  trainRepeats
};
