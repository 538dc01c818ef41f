import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  prepareRepo
} from "./chunk-PBMX5LF3.js";
import "./chunk-NU2UIHPB.js";
import "./chunk-VDH5N6JF.js";
import {
  trainAndRecord
} from "./chunk-23LPU7V6.js";
import {
  serializeDocument
} from "./chunk-7D4CQ6O2.js";
import "./chunk-EKFKRKUQ.js";
import "./chunk-ZAV4N3WG.js";
import "./chunk-ZZYJDDDA.js";
import "./chunk-4XMOUIXN.js";
import "./chunk-MYHDKWFD.js";
import "./chunk-22M5EIFX.js";
import "./chunk-MS722AY2.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import "./chunk-26EDPQ4F.js";
import "./chunk-UV23MCD5.js";
import "./chunk-IOLXGZRS.js";
import {
  writeFileAtomic
} from "./chunk-S5WWYZ4I.js";
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
