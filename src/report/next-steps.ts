import type { ReportInput } from './markdown.ts';

/** What the "what now" lines need to use the user's own names. */
export interface NextStepsContext {
  /** A pull request's check (the action) or a run in a terminal. */
  where: 'pull-request' | 'local';
  /** The `accept-label` setting, exactly. */
  acceptLabel: string;
  /** The baseline file, relative to the repository root. */
  baselinePath: string;
  /** The config file as the user would type it after --config, or null for the default. */
  configPath: string | null;
  /** The repository's baseline-update workflow (src/modes/baseline-workflow.ts), when it has one. */
  baselineWorkflow?: { name: string; file: string } | null;
}

/**
 * The two ways forward after a drift, as markdown list items (backticks around what to type):
 * accept it with the label (the PR gate re-runs on `labeled`), or re-record the baseline.
 * Empty for every other outcome, and when the caller gave no context.
 */
export function nextSteps(input: Pick<ReportInput, 'outcome' | 'nextSteps'>): string[] {
  const context = input.nextSteps;
  if (!context || input.outcome !== 'drift') return [];
  const label = `\`${context.acceptLabel}\``;
  const accept =
    context.where === 'pull-request'
      ? `**The change is intended:** add the label ${label} to this pull request. The check re-runs when the label is added and passes as accepted; after the merge the baseline update records the new numbers.`
      : `**The change is intended:** open the pull request and add the label ${label} to it; the check re-runs when the label is added and passes as accepted.`;
  const update = `\`npx repro-check baseline update${context.configPath ? ` --config ${context.configPath}` : ''}\``;
  const workflow = context.baselineWorkflow
    ? `start the workflow “${context.baselineWorkflow.name}” on the default branch (Actions tab, or \`gh workflow run ${context.baselineWorkflow.file}\`)`
    : 'start a baseline-update workflow (one that runs repro-check with `mode: baseline` on `workflow_dispatch`) on the default branch';
  const rerecord = `**Re-record the baseline:** run ${update} on a clean tree and commit \`${context.baselinePath}\`, or ${workflow}.`;
  return [accept, rerecord];
}
