import type { RecordLocator } from './collector.ts';

/**
 * The keys that name a record's step, in order of precedence (DESIGN.md, "Metric files"):
 * `trainer/global_step` is what W&B's Hugging Face integration logs, `_step` W&B's own counter,
 * `iter`/`iteration` what Megatron-style and hand-written loops print. `epoch` is the axis only
 * when none of the others is present (Keras' CSVLogger, epoch loops); next to a step it is an
 * ordinary metric (Lightning and the HF Trainer log both). Keys match after trimming and
 * lower-casing (TensorBoard's CSV export writes `Step`, some loggers pad header cells).
 */
export const STEP_KEY_PRIORITY = [
  'step',
  'global_step',
  'trainer/global_step',
  'iteration',
  'iter',
  '_step',
  'epoch',
] as const;

export const STEP_KEY_HINT = `Name the step with the \`step-key\` setting (compare: --step-key KEY); recognised without it: ${STEP_KEY_PRIORITY.join(', ')} (epoch only when none of the others is there).`;

/**
 * The advice for a step key whose value is not a whole number: a fractional `epoch` (the HF Trainer
 * logs 0.25 after a quarter epoch) is progress, not a step.
 */
export function notAStepHint(stepKey: string): string {
  return normalizeKey(stepKey) === 'epoch'
    ? 'A fractional epoch (logged every part of an epoch) does not number records: log a whole-number step with them and it is the axis, or name one with the `step-key` setting.'
    : `If "${stepKey}" is not the step, name the key that is with the \`step-key\` setting (compare: --step-key KEY).`;
}

/** A key as step keys are compared: trimmed, lower case. */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase();
}

/**
 * Picks each record's step key and holds a file to one step axis: the first record that names
 * a step key fixes the file's axis, and a later record whose best key is another one is an
 * error (a step-numbered log and an epoch-numbered one mixed in a file cannot be put on one
 * axis without a word from the user). With an explicit `step-key`, only that key is the step;
 * a record without it gives final values.
 */
export class StepAxisChooser {
  /** Rank of each raw key seen (its place in STEP_KEY_PRIORITY, 0 for the explicit key), -1 when not a step key. */
  private readonly ranks = new Map<string, number>();
  private readonly explicit: string | null | undefined;
  /** The raw key the file's axis was fixed to. */
  fixedKey: string | null = null;

  /** `explicitStepKey`: the `step-key` setting; undefined to recognise the step by name; null for a record with no step axis (a summary). */
  constructor(
    explicitStepKey: string | null | undefined,
    private readonly locator: RecordLocator,
  ) {
    this.explicit = typeof explicitStepKey === 'string' ? normalizeKey(explicitStepKey) : explicitStepKey;
  }

  rank(key: string): number {
    let rank = this.ranks.get(key);
    if (rank === undefined) {
      const normalized = normalizeKey(key);
      if (this.explicit === null) rank = -1;
      else if (this.explicit !== undefined) rank = normalized === this.explicit ? 0 : -1;
      else rank = (STEP_KEY_PRIORITY as readonly string[]).indexOf(normalized);
      this.ranks.set(key, rank);
    }
    return rank;
  }

  /**
   * The step key among a record's top-level keys (a log object's, or a CSV header's), or
   * undefined when it has none (a record of final values). Throws InputFileError when the
   * record's step key differs from the file's.
   */
  pick(keys: readonly string[] | object, record: number): string | undefined {
    const best = this.best(keys);
    if (best !== undefined) this.fix(best, record);
    return best;
  }

  /** The best step key among a record's top-level keys, or undefined; fixes nothing (a record that does not vote). */
  best(keys: readonly string[] | object): string | undefined {
    let best: string | undefined;
    let bestRank = Infinity;
    // for..in over a JSON.parse result visits its own keys; an array's keys are its indexes, so arrays are iterated.
    const consider = (key: string) => {
      const rank = this.rank(key);
      if (rank >= 0 && rank < bestRank) {
        best = key;
        bestRank = rank;
      }
    };
    if (Array.isArray(keys)) for (const key of keys) consider(key);
    else for (const key in keys) consider(key);
    return best;
  }

  /** Fixes the file's axis to KEY (RECORD's step key), or throws InputFileError when it is fixed to another. */
  fix(key: string, record: number): void {
    if (this.fixedKey === null) this.fixedKey = key;
    else if (key !== this.fixedKey) {
      throw this.locator.error(
        record,
        `the step here is "${key}", but earlier records are numbered by "${this.fixedKey}"; one file is read on one step axis`,
        STEP_KEY_HINT,
      );
    }
  }
}
