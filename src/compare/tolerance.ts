import type { AppliedTolerance, Tolerance } from './types.ts';
import { globToRegExp } from './glob.ts';

/** numpy.allclose's defaults (DESIGN.md). */
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-8, exact: false };

export interface ToleranceOverride {
  rtol?: number | undefined;
  atol?: number | undefined;
  exact?: boolean | undefined;
}

/**
 * Picks the tolerance for each metric: the first `metric-tolerances` glob that matches wins,
 * and its keys override the global tolerance key by key. Records which globs were used so that
 * the report can warn about globs that matched nothing (usually a typo in a metric name).
 */
export class TolerancePicker {
  private readonly overrides: Array<{ glob: string; pattern: RegExp; override: ToleranceOverride }>;
  private readonly used = new Set<string>();

  constructor(
    private readonly global: Tolerance,
    private readonly globalSource: string,
    metricTolerances: Record<string, ToleranceOverride>,
  ) {
    this.overrides = Object.entries(metricTolerances).map(([glob, override]) => ({
      glob,
      pattern: globToRegExp(glob),
      override,
    }));
  }

  pick(metricName: string): AppliedTolerance {
    for (const { glob, pattern, override } of this.overrides) {
      if (!pattern.test(metricName)) continue;
      this.used.add(glob);
      return {
        rtol: override.rtol ?? this.global.rtol,
        atol: override.atol ?? this.global.atol,
        exact: override.exact ?? this.global.exact,
        source: `metric-tolerances["${glob}"]`,
      };
    }
    return { ...this.global, source: this.globalSource };
  }

  unusedGlobs(): string[] {
    return this.overrides.map((o) => o.glob).filter((glob) => !this.used.has(glob));
  }
}

/** Bit-for-bit equality of two doubles; NaN equals NaN (same place, DESIGN.md), -0 differs from +0. */
export function bitEqual(a: number, b: number): boolean {
  return Object.is(a, b);
}

/**
 * DESIGN.md's rule: |current - baseline| <= atol + rtol * |baseline| (numpy.allclose), or bit
 * equality under `exact`. NaN passes only against NaN; equal infinities pass (as in numpy).
 */
export function withinTolerance(baseline: number, current: number, tolerance: Tolerance): boolean {
  if (tolerance.exact) return bitEqual(baseline, current);
  if (Number.isNaN(baseline) || Number.isNaN(current)) return Number.isNaN(baseline) && Number.isNaN(current);
  if (!Number.isFinite(baseline) || !Number.isFinite(current)) return baseline === current;
  return Math.abs(current - baseline) <= tolerance.atol + tolerance.rtol * Math.abs(baseline);
}

/** The `tolerance` setting with numpy's defaults filled in for keys it leaves out. */
export function resolveTolerance(setting: ToleranceOverride): Tolerance {
  return {
    rtol: setting.rtol ?? DEFAULT_TOLERANCE.rtol,
    atol: setting.atol ?? DEFAULT_TOLERANCE.atol,
    exact: setting.exact ?? false,
  };
}
