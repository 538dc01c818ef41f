import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditOptionsOf,
  runAudit,
  trainRepeats
} from "./chunk-BBPWBMCG.js";
import "./chunk-NELG7IKU.js";
import "./chunk-U455O2BG.js";
import "./chunk-J2K7L4Y2.js";
import "./chunk-NLMQQJFJ.js";
import "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import "./chunk-HMN27A7O.js";
import "./chunk-557MTL2E.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import "./chunk-F2T6RF3N.js";
import "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import "./chunk-VRURZYB3.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import "./chunk-54B7A6WN.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  auditOptionsOf,
  runAudit,
  trainRepeats
};
