import { ReproError } from '../errors.ts';
import { configKeys } from '../settings/schema.ts';
import type { SettingsSources } from '../settings/load.ts';

/** The action's modes: one handler each in src/action/main.ts. */
export const ACTION_MODES = ['check', 'baseline', 'publish', 'audit', 'aggregate'] as const;

export interface ActionInvocation {
  /** The config file input, or null when not given (then repro.yml is used if present). */
  config: string | null;
  /** `publish`: the second job of the two-job pattern, posting the check job's verdict from its artifact. */
  mode: (typeof ACTION_MODES)[number];
  /** With mode aggregate: a glob of run records (as actions/download-artifact left them), relative to the workspace. */
  records: string | null;
  /** With mode aggregate: a glob of artifact names of this workflow run, downloaded through the runner's artifact service. */
  recordArtifacts: string | null;
  githubToken: string;
  baselineToken: string;
  /** True when `baseline-token` was given (a PAT or App token), not defaulted to the workflow token. */
  baselineTokenGiven: boolean;
  overrides: SettingsSources['overrides'];
}

/**
 * Reads every action input once (pure over a getInput-like lookup). An empty input is "not
 * given": the runner passes '' for inputs the workflow leaves out, and action.yml declares no
 * defaults, so only what the user wrote overrides repro.yml.
 */
export function readActionInputs(getInput: (name: string) => string): ActionInvocation {
  const given = (name: string) => {
    const value = getInput(name).trim();
    return value === '' ? null : value;
  };
  const mode = given('mode') ?? 'check';
  if (!ACTION_MODES.includes(mode as ActionInvocation['mode']))
    throw new ReproError(`input "mode": "${mode}" is not accepted; accepted: ${ACTION_MODES.join(', ')}`);
  const records = given('records');
  const recordArtifacts = given('record-artifacts');
  if (mode === 'aggregate' && records === null && recordArtifacts === null)
    throw new ReproError(
      'input "records" or "record-artifacts": mode aggregate needs run records: record-artifacts, the names the matrix jobs uploaded them under (e.g. "repro-record-*"), or records, a glob of files (e.g. "records/*/run-record.json", where actions/download-artifact put them)',
    );
  const githubToken = given('github-token') ?? '';
  const overrides: SettingsSources['overrides'] = [];
  for (const key of configKeys()) {
    const value = given(key);
    if (value !== null) overrides.push({ key, value, origin: `input "${key}"` });
  }
  const baselineToken = given('baseline-token');
  return {
    config: given('config'),
    mode: mode as ActionInvocation['mode'],
    records,
    recordArtifacts,
    githubToken,
    baselineToken: baselineToken ?? githubToken,
    baselineTokenGiven: baselineToken !== null,
    overrides,
  };
}
