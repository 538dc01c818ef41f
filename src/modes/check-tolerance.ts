import type { LoadedSettings } from '../settings/load.ts';
import { TOLERANCE_KEYS } from '../settings/schema.ts';
import { tolerancePlanOf, type TolerancePlan } from '../settings/plans.ts';
import { changedToleranceKeys, tolerancePlanFromText } from '../settings/tolerance.ts';
import { resolveTolerance } from '../compare/tolerance.ts';
import { readFileAtCommit } from '../git/provenance.ts';
import type { ModeContext } from './context.ts';
import type { RepoState } from './repo-state.ts';

/** The tolerance a check applies, where it came from, and the report's lines about both. */
export interface CheckTolerance {
  plan: TolerancePlan;
  /** Where `tolerance` came from, for each metric's tolerance source ("tolerance in repro.yml", "default (…)"). */
  source: string;
  /** The report's tolerance section: the values, where they came from, and what the pull request changes. */
  lines: string[];
}

/**
 * The tolerance plan for this run. In a pull request the keys that the config file decides are
 * read from that file at the base commit, so a PR cannot loosen its own tolerance by editing it.
 * Keys given as action inputs (or flags) keep their values: they live in the workflow file, which
 * the PR's run takes as the PR has it, so there is no base-commit copy of them to read. Either way
 * the report says where the values came from: the one place that reads the settings' origins.
 * @param configRepoPath the config file's path in the repository, or null when there is none.
 * @throws what reading the base commit's file throws (a git failure other than "no such file").
 */
export async function toleranceForRun(
  loaded: LoadedSettings,
  configRepoPath: string | null,
  repo: RepoState,
  context: ModeContext,
): Promise<CheckTolerance> {
  const own = tolerancePlanOf(loaded.config);
  const explicit = TOLERANCE_KEYS.filter((key) => loaded.explicitKeys.includes(key));
  const origin = loaded.origins.tolerance ?? 'default';
  let plan = own;
  let source = origin === 'default' ? 'default (numpy.allclose: rtol 1e-5, atol 1e-8)' : `tolerance in ${origin}`;
  const lines: string[] = [];
  const base = repo.provenance.baseCommit;
  if (base && !configRepoPath) {
    lines.push(
      "There is no config file, so the tolerance keys come from this run's inputs and the defaults, as the pull request's workflow sets them; put them in repro.yml to hold pull requests to the base commit's values.",
    );
  } else if (base && configRepoPath) {
    const baseText = await readFileAtCommit(repo.repo, base, configRepoPath);
    const basePlan = baseText === null ? null : tolerancePlanFromText(baseText);
    if (baseText === null) {
      lines.push(
        `The base commit has no ${configRepoPath} (this pull request adds it); this run's tolerance keys apply.`,
      );
    } else if (!basePlan) {
      lines.push(`The base commit's ${configRepoPath} has no valid tolerance keys; this run's values apply.`);
    } else {
      plan = { ...basePlan, ...Object.fromEntries(explicit.map((key) => [key, own[key]])) } as TolerancePlan;
      if (!explicit.includes('tolerance')) source = `${configRepoPath} at base commit ${base.slice(0, 12)}`;
      const changed = changedToleranceKeys(basePlan, own).filter((key) => !loaded.explicitKeys.includes(key));
      if (changed.length > 0) {
        lines.push(
          `This pull request changes ${changed.map((k) => `\`${k}\``).join(', ')}; the base commit's values apply here and the new ones after merge.`,
        );
        context.log.warning(
          `This pull request changes ${changed.join(', ')}; the base commit's values apply until it is merged.`,
        );
      }
      if (explicit.length > 0) {
        lines.push(
          `${explicit.map((k) => `\`${k}\` (${loaded.origins[k]})`).join(', ')}: given explicitly, so this run's value applies, not the base commit's ${configRepoPath}; the pull request's workflow sets it.`,
        );
      }
    }
  }
  const t = resolveTolerance(plan.tolerance);
  lines.unshift(t.exact ? `exact (bit-for-bit) — from ${source}` : `rtol ${t.rtol}, atol ${t.atol} — from ${source}`);
  for (const [glob, override] of Object.entries(plan['metric-tolerances']))
    lines.push(`\`${glob}\`: ${JSON.stringify(override)}`);
  lines.push(`ignored metrics: ${plan['ignore-metrics'].map((g) => `\`${g}\``).join(', ') || 'none'}`);
  return { plan, source, lines };
}
