import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  computeBand
} from "./chunk-667HCUTY.js";
import {
  decodeMetricData,
  encodeMetricData
} from "./chunk-UXIL344N.js";
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/record/band.ts
init_define_REPRO_CHART_LIBRARY();
function encodeBand(members, ignore) {
  const metrics = {};
  for (const [name, band] of computeBand(
    members.map((m) => m.data),
    ignore
  )) {
    metrics[name] = {
      steps: band.steps,
      mean: band.points.map((p) => encodeNumber(p.mean)),
      std: band.points.map((p) => encodeNumber(p.std)),
      count: band.points.map((p) => p.count),
      min: band.points.map((p) => encodeNumber(p.min)),
      max: band.points.map((p) => encodeNumber(p.max))
    };
  }
  return {
    members: members.map((m) => ({ source: m.source, seed: m.seed, metrics: encodeMetricData(m.data) })),
    metrics
  };
}
function decodeBands(baseline, where) {
  if (!baseline.band?.seed && !baseline.band?.sameSeed) return null;
  const decode = (band, key) => band ? band.members.map((m, i) => ({
    source: m.source,
    seed: m.seed,
    data: decodeMetricData(m.metrics, `${where}: band.${key}.members[${i}]`)
  })) : null;
  const sameSeed = decode(baseline.band.sameSeed, "sameSeed");
  return {
    seed: decode(baseline.band.seed, "seed"),
    sameSeed,
    baseSeed: baseline.runs[0]?.provenance.seed ?? sameSeed?.[0]?.seed ?? null
  };
}
function bandFor(bands, runSeed) {
  if (runSeed !== null && runSeed === bands.baseSeed && bands.sameSeed)
    return { kind: "same-seed", members: bands.sameSeed };
  return bands.seed ? { kind: "seed", members: bands.seed } : null;
}

export {
  encodeBand,
  decodeBands,
  bandFor
};
