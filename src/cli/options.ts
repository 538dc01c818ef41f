import type { ParseArgsConfig } from 'node:util';

/**
 * Every option any command takes, in one catalogue, so that a first lenient parse knows which
 * options take a value and can find the command word wherever it stands. Each command lists the
 * names it accepts (`CliCommand.options`); the others are refused for it.
 */
export const OPTIONS = {
  config: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  rtol: { type: 'string' },
  atol: { type: 'string' },
  exact: { type: 'boolean', default: false },
  metric: { type: 'string', multiple: true, default: [] },
  ignore: { type: 'string', multiple: true, default: [] },
  'step-key': { type: 'string' },
  method: { type: 'string' },
  last: { type: 'string' },
  decay: { type: 'string' },
  'resume-at': { type: 'string' },
  html: { type: 'string' },
  'allow-dirty': { type: 'boolean', default: false },
  runs: { type: 'string' },
  seeds: { type: 'string' },
  sigma: { type: 'string' },
  recommend: { type: 'boolean', default: false },
  'cross-seed': { type: 'boolean', default: false },
  margin: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export type OptionName = keyof typeof OPTIONS;

/** The option values of one invocation, as node's `parseArgs` returns them. */
export interface OptionValues {
  config?: string | undefined;
  set: string[];
  seed?: string | undefined;
  out?: string | undefined;
  format?: string | undefined;
  verbose: boolean;
  help: boolean;
  version: boolean;
  rtol?: string | undefined;
  atol?: string | undefined;
  exact: boolean;
  metric: string[];
  ignore: string[];
  'step-key'?: string | undefined;
  method?: string | undefined;
  last?: string | undefined;
  decay?: string | undefined;
  'resume-at'?: string | undefined;
  html?: string | undefined;
  'allow-dirty': boolean;
  runs?: string | undefined;
  seeds?: string | undefined;
  sigma?: string | undefined;
  recommend: boolean;
  'cross-seed': boolean;
  margin?: string | undefined;
}

/** `-o/--out` for options with a short form, `--config` for the others. */
export function optionLabel(name: OptionName): string {
  const short = (OPTIONS[name] as { short?: string }).short;
  return short ? `-${short}/--${name}` : `--${name}`;
}
