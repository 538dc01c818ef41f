import YAML from 'yaml';
import { configSchema, TOLERANCE_KEYS } from './schema.ts';
import type { TolerancePlan } from './plans.ts';
import type { TolerancePicker } from '../compare/tolerance.ts';
import { DEFAULT_LOG_SCALE, DEFAULT_WINDOW } from '../stats/sigma-gate.ts';
import type { SigmaGateOptions } from '../stats/sigma-types.ts';

/**
 * The tolerance plan as the base commit's config file sets it (schema defaults for keys it
 * leaves out). In a pull request these are the values that apply, so a PR cannot loosen its own
 * tolerance. Pure.
 * @param text the config file's text at the base commit.
 * @returns null when that text cannot be read as valid tolerance keys: the caller then keeps the
 * PR's values and says so. Throws nothing.
 */
export function tolerancePlanFromText(text: string): TolerancePlan | null {
  let parsed: unknown;
  try {
    parsed = YAML.parse(text, { uniqueKeys: false });
  } catch {
    return null;
  }
  const source =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of TOLERANCE_KEYS) {
    const field = configSchema.shape[key];
    const value = field.safeParse(source[key]);
    if (!value.success) return null;
    result[key] = value.data;
  }
  return result as TolerancePlan;
}

/** The tolerance keys whose values differ between A and B, in TOLERANCE_KEYS order (for the "this PR changes its own tolerance" note). */
export function changedToleranceKeys(a: TolerancePlan, b: TolerancePlan): string[] {
  return TOLERANCE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * The σ gate's options from the tolerance plan: k from `sigma`, else from `false-alarm-rate`,
 * else a 1% false-alarm rate per metric (the gate applies only against a baseline with a band);
 * `window` in logged steps; PICKER gives each metric's rtol/atol floor. Pure; throws nothing.
 */
export function sigmaGateOptionsOf(plan: TolerancePlan, picker: TolerancePicker): SigmaGateOptions {
  const tolerance = plan.tolerance;
  return {
    threshold:
      tolerance.sigma !== undefined
        ? { sigma: tolerance.sigma }
        : { falseAlarmRate: tolerance['false-alarm-rate'] ?? DEFAULT_FALSE_ALARM_RATE },
    window: tolerance.window ?? DEFAULT_WINDOW,
    logScale: tolerance['log-scale'] ?? DEFAULT_LOG_SCALE,
    floor: (name) => picker.pick(name),
    ignore: plan['ignore-metrics'],
  };
}

const DEFAULT_FALSE_ALARM_RATE = 0.01;
