import YAML from 'yaml';
import { configSchema, GATE_KEYS, type ReproConfig } from './schema.ts';
import type { TolerancePicker } from '../compare/tolerance.ts';
import { DEFAULT_LOG_SCALE, DEFAULT_WINDOW } from '../stats/sigma-gate.ts';
import type { SigmaGateOptions } from '../stats/sigma-types.ts';

export type GateSettings = Pick<ReproConfig, (typeof GATE_KEYS)[number]>;

export function gateSettingsOf(config: ReproConfig): GateSettings {
  return {
    tolerance: config.tolerance,
    'metric-tolerances': config['metric-tolerances'],
    'ignore-metrics': config['ignore-metrics'],
  };
}

/**
 * The tolerance keys as the base commit's config file sets them (schema defaults for keys it
 * leaves out). In a pull request these are the ones that apply, so a PR cannot loosen its own
 * gate. Returns null when the base file cannot be read as valid settings: the caller then keeps
 * the PR's values and says so.
 */
export function gateSettingsFromText(text: string): GateSettings | null {
  let parsed: unknown;
  try {
    parsed = YAML.parse(text, { uniqueKeys: false });
  } catch {
    return null;
  }
  const source =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of GATE_KEYS) {
    const field = configSchema.shape[key];
    const value = field.safeParse(source[key]);
    if (!value.success) return null;
    result[key] = value.data;
  }
  return result as GateSettings;
}

/** Gate keys whose values differ (for the "this PR changes its own tolerance" note). */
export function changedGateKeys(a: GateSettings, b: GateSettings): string[] {
  return GATE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * The σ gate's options from the tolerance keys: k from `sigma`, else from `false-alarm-rate`,
 * else a 1% false-alarm rate per metric (the gate applies only against a baseline with a band).
 */
export function sigmaGateOptionsOf(gate: GateSettings, picker: TolerancePicker): SigmaGateOptions {
  const tolerance = gate.tolerance;
  return {
    threshold:
      tolerance.sigma !== undefined
        ? { sigma: tolerance.sigma }
        : { falseAlarmRate: tolerance['false-alarm-rate'] ?? DEFAULT_FALSE_ALARM_RATE },
    window: tolerance.window ?? DEFAULT_WINDOW,
    logScale: tolerance['log-scale'] ?? DEFAULT_LOG_SCALE,
    floor: (name) => picker.pick(name),
    ignore: gate['ignore-metrics'],
  };
}

export const DEFAULT_FALSE_ALARM_RATE = 0.01;
