import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  DEFAULT_TOLERANCE,
  TolerancePicker,
  compareMetrics
} from "./chunk-JS7CY6CF.js";
import {
  verdictToJson
} from "./chunk-QJRFEJTY.js";
import {
  readComparable
} from "./chunk-SRDROFZF.js";
import "./chunk-KZVXPLSD.js";
import {
  DEFAULT_IGNORED_METRICS
} from "./chunk-P46OWXMM.js";
import {
  renderMarkdown
} from "./chunk-EK2PLU66.js";
import "./chunk-Z3Z5WYT2.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-BKTBR2MQ.js";
import {
  writeFileAtomic
} from "./chunk-UCXDISJA.js";
import "./chunk-GFWGNPAP.js";

// src/cli/compare-command.ts
import path from "node:path";
async function runCompareCommand(options, io) {
  const rtol = parseTolerance("--rtol", options.rtol, DEFAULT_TOLERANCE.rtol);
  const atol = parseTolerance("--atol", options.atol, DEFAULT_TOLERANCE.atol);
  if (options.exact && (options.rtol !== void 0 || options.atol !== void 0)) throw new ReproError("--exact compares bit for bit; leave out --rtol and --atol with it");
  const [baseline, current] = await Promise.all([readComparable(path.resolve(options.cwd, options.baseline)), readComparable(path.resolve(options.cwd, options.current))]);
  const source = options.exact ? "--exact" : options.rtol !== void 0 || options.atol !== void 0 ? "command-line flags" : "default (numpy.allclose)";
  const verdict = compareMetrics(baseline, current, {
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    include: options.include,
    // Wall-clock fields are ignored by default (DESIGN.md); --ignore adds to that list.
    ignore: [...DEFAULT_IGNORED_METRICS, ...options.ignore]
  });
  if (options.out) await writeFileAtomic(path.resolve(options.cwd, options.out), JSON.stringify(verdictToJson(verdict), null, 2) + "\n");
  if (options.format === "json") io.stdout(JSON.stringify(verdictToJson(verdict)) + "\n");
  else {
    io.stdout(
      renderMarkdown({
        outcome: verdict.status,
        verdict,
        baselineData: baseline,
        currentData: current,
        runLabel: options.current,
        baselineLabel: options.baseline,
        toleranceLines: [options.exact ? "exact (bit-for-bit)" : `rtol ${rtol}, atol ${atol} \u2014 from ${source}`],
        environmentDifferences: [],
        checkpointLines: [],
        notes: []
      }, Infinity)
    );
  }
  return verdict.status === "pass" ? EXIT_PASS : EXIT_DRIFT;
}
function parseTolerance(flag, text, fallback) {
  if (text === void 0) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new ReproError(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  return value;
}
export {
  runCompareCommand
};
