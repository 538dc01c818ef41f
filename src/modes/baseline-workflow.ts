import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository's own baseline-update workflow, for the "what now" lines. */
export interface BaselineWorkflow {
  /** The workflow's `name:` (what the Actions tab lists), or its file name when it has none. */
  name: string;
  /** Its file name, as `gh workflow run` takes it. */
  file: string;
}

/**
 * The first workflow (by file name) that can be started by hand (`workflow_dispatch`) and has a
 * step running repro-check with `mode: baseline`. Pure: takes the files' names and texts; a file
 * that is not valid YAML is passed over (actionlint's business, not ours).
 */
export function findBaselineWorkflow(files: ReadonlyArray<{ file: string; text: string }>): BaselineWorkflow | null {
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    let workflow: {
      name?: unknown;
      on?: unknown;
      jobs?: Record<string, { steps?: Array<{ uses?: unknown; with?: Record<string, unknown> }> }>;
    };
    try {
      workflow = parse(text) ?? {};
    } catch {
      continue;
    }
    const triggers = workflow.on;
    const dispatchable =
      triggers === 'workflow_dispatch' ||
      (Array.isArray(triggers) && triggers.includes('workflow_dispatch')) ||
      (typeof triggers === 'object' && triggers !== null && 'workflow_dispatch' in triggers);
    const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job?.steps ?? []);
    const baselineStep = steps.some(
      (step) =>
        typeof step?.uses === 'string' &&
        (/repro-check/.test(step.uses) || step.uses === './') &&
        step.with?.['mode'] === 'baseline',
    );
    if (dispatchable && baselineStep) return { name: typeof workflow.name === 'string' ? workflow.name : file, file };
  }
  return null;
}

/** Reads `.github/workflows/*.yml|yaml` below the repository root; none there is no workflow. */
export async function readBaselineWorkflow(repoRoot: string): Promise<BaselineWorkflow | null> {
  const dir = path.join(repoRoot, '.github', 'workflows');
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((n) => /\.ya?ml$/.test(n))
      .map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8') })),
  );
  return findBaselineWorkflow(files);
}
