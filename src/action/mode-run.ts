import type { LoadedSettings } from '../settings/load.ts';
import type { ModeContext } from '../modes/context.ts';
import type { EventContext } from '../github/event.ts';
import type { ActionInvocation } from './inputs.ts';
import type { PublishPlan } from '../settings/plans.ts';

/** What every mode's handler gets: the inputs, settings and event read once, and the one ModeContext. */
export interface ModeRun {
  inputs: ActionInvocation;
  settings: LoadedSettings;
  /** The settings that say how to publish, derived once from `settings` for this job. */
  publish: PublishPlan;
  configPath: string | null;
  context: ModeContext;
  event: EventContext;
}
