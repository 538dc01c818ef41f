import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  prepareRepo,
  trainAndRecord
} from "./chunk-CY2P3LK5.js";
import {
  serializeDocument
} from "./chunk-XPHPDOI2.js";
import "./chunk-NU2UIHPB.js";
import "./chunk-VDH5N6JF.js";
import "./chunk-ZAV4N3WG.js";
import "./chunk-7N5BMENO.js";
import "./chunk-22M5EIFX.js";
import "./chunk-MS722AY2.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-M72KA3OI.js";
import "./chunk-UV23MCD5.js";
import "./chunk-IOLXGZRS.js";
import {
  writeFileAtomic
} from "./chunk-TYKLGCUW.js";
import "./chunk-EDCSKNQF.js";

// src/modes/record-only.ts
import path from "node:path";
async function recordOnly(settings, context) {
  const repo = await prepareRepo(settings.config, context);
  const trained = await trainAndRecord(settings.config, repo, context);
  const recordPath = path.join(trained.outDir, "run-record.json");
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
export {
  recordOnly
};
