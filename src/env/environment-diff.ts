import type { EnvironmentFingerprint } from '../record/types.ts';

/** One difference between two fingerprints; `numerics` when it can change the numbers a training computes. */
export interface EnvironmentDifference {
  key: string;
  baseline: string;
  current: string;
  numerics: boolean;
}

/** Distributions whose version changes kernels or numerics (compared first in the report). */
const NUMERICS_PACKAGE =
  /^(torch|torchvision|numpy|scipy|jax|jaxlib|tensorflow.*|tf-keras|keras|triton|mkl.*|intel-openmp|openblas.*|scipy-openblas.*|nvidia-.*|cupy.*|flash-attn|xformers|deepspeed|accelerate|transformers)$/;

/**
 * Differences between two fingerprints as dotted keys (pure), for the report: those that can
 * change numerics first (framework versions and switches, numerics variables, GPU, driver, CPU
 * and its instruction sets, numerics packages), then the rest, each group sorted by key.
 * Installed distributions are compared by version, one row per package (`package torch`:
 * 2.3.1 → 2.4.0), not by a hash. Keys a side lacks read "(absent)"; an older record without the
 * probe's blocks is compared only on what it has.
 */
export function diffEnvironments(
  baseline: EnvironmentFingerprint,
  current: EnvironmentFingerprint,
): EnvironmentDifference[] {
  const a = flatten(baseline);
  const b = flatten(current);
  const probed = (f: EnvironmentFingerprint) => f.frameworks !== undefined;
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter(
    (key) => probed(baseline) === probed(current) || !PROBE_ONLY.test(key),
  );
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => ({
      key,
      baseline: a.get(key) ?? '(absent)',
      current: b.get(key) ?? '(absent)',
      numerics: isNumericsKey(key),
    }))
    .sort((x, y) => Number(y.numerics) - Number(x.numerics) || x.key.localeCompare(y.key));
}

const PROBE_ONLY = /^(framework |package |env\.|interpreter|cpu\.flags)/;

function isNumericsKey(key: string): boolean {
  if (key.startsWith('package ')) return NUMERICS_PACKAGE.test(key.slice('package '.length));
  return /^(framework |env\.|gpu\.|cpu|python$)/.test(key);
}

function flatten(fingerprint: EnvironmentFingerprint): Map<string, string> {
  const out = new Map<string, string>();
  out.set('os', `${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`);
  out.set('cpu', `${fingerprint.cpu.model} × ${fingerprint.cpu.cores}`);
  if (fingerprint.cpu.flags) out.set('cpu.flags', fingerprint.cpu.flags.join(' ') || 'none');
  out.set('node', fingerprint.node);
  out.set('python', fingerprint.python ?? 'none');
  if (fingerprint.interpreter)
    out.set(
      'interpreter',
      `${fingerprint.interpreter.executable ?? fingerprint.interpreter.command} (${fingerprint.interpreter.chosenBy})`,
    );
  out.set('gpu.driver', fingerprint.gpu?.driver ?? 'none');
  out.set('gpu.cuda', fingerprint.gpu?.cuda ?? 'none');
  out.set('gpu.devices', fingerprint.gpu?.devices.map((d) => d.name).join(', ') || 'none');
  for (const [key, value] of Object.entries(fingerprint.frameworks ?? {})) out.set(`framework ${key}`, value);
  for (const [name, value] of Object.entries(fingerprint.numericsEnv ?? {})) out.set(`env.${name}`, value);
  for (const [name, version] of Object.entries(fingerprint.packages ?? {})) out.set(`package ${name}`, version);
  for (const [file, hash] of Object.entries(fingerprint.files ?? {})) out.set(`files.${file}`, hash.slice(0, 12));
  for (const [key, value] of Object.entries(fingerprint.extra ?? {})) out.set(key, value);
  return out;
}
