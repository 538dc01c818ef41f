import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../compare/types.ts';
import type { ModeContext } from '../modes/context.ts';
import type { CheckResult } from '../modes/check.ts';
import { driftAnnotations, metricFileAnnotations, type Annotation } from '../report/annotations.ts';
import { repoPathWithin } from '../repo-path.ts';

/**
 * Where each drift is annotated: on the settings line that set its tolerance — repro.yml, or,
 * when every setting came as an action input, the workflow file that gave them
 * (GITHUB_WORKFLOW_REF names it) when it is in this checkout — else on the line of the metric
 * file that logged the first divergent step (the metric readers' record locators say which), when
 * the training wrote it inside the workspace. Files outside the workspace (`{out}` under
 * RUNNER_TEMP) cannot be annotated: GitHub shows annotations on repository paths only. LEVEL is
 * the annotations' level; files that cannot be read are skipped, never an error.
 */
export async function annotationsFor(
  verdict: Verdict,
  level: 'failure' | 'warning',
  configPath: string | null,
  trained: Pick<CheckResult['trained'], 'data' | 'metricFiles'>,
  context: ModeContext,
): Promise<Annotation[]> {
  const workspace = context.env.GITHUB_WORKSPACE ?? context.cwd;
  const repoPathOf = (file: string): string | null => {
    const repoPath = repoPathWithin(workspace, file);
    return repoPath !== null && existsSync(path.join(workspace, repoPath)) ? repoPath : null;
  };
  const inWorkspace = async (file: string): Promise<{ repoPath: string; text: string } | null> => {
    const repoPath = repoPathOf(file);
    const text = repoPath === null ? null : await readFile(path.join(workspace, repoPath), 'utf8').catch(() => null);
    return repoPath === null || text === null ? null : { repoPath, text };
  };
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(context.env.GITHUB_WORKFLOW_REF ?? '')?.[1] ?? null;
  const settingsFile = configPath
    ? await inWorkspace(configPath)
    : workflowPath
      ? await inWorkspace(workflowPath)
      : null;
  if (settingsFile) return driftAnnotations(verdict, settingsFile, level);
  return metricFileAnnotations(
    verdict,
    trained.data,
    level,
    repoPathOf,
    trained.metricFiles.find((file) => repoPathOf(file) !== null) ?? null,
  );
}
