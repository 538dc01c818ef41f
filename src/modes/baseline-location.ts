import type { EnvironmentFingerprint } from '../record/types.ts';

/**
 * Fills the baseline path's placeholders, so one repository can keep one baseline per kind
 * of hardware: {runner} is the runner's name (RUNNER_NAME, else the host name), {gpu} the first
 * visible GPU's model (or "cpu"), both as lower-case slugs safe in a file name.
 */
export function resolveBaselinePath(pattern: string, environment: EnvironmentFingerprint, env: NodeJS.ProcessEnv, hostname: string): string {
  const gpu = environment.gpu?.devices[0]?.name ?? 'cpu';
  return pattern.replaceAll('{runner}', slug(env.RUNNER_NAME ?? hostname)).replaceAll('{gpu}', slug(gpu));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
}
