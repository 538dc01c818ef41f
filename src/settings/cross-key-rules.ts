import { SAVE_AS_SAFETENSORS, pickleExtension } from '../checkpoints/sniff.ts';

/**
 * Rules across keys, checked on the raw merged values so that they are reported together
 * with every other problem (zod skips refinements once a field has failed). RAW is the file's
 * keys with the inputs applied, before the schema; OPTIONS.trains is false for an invocation
 * that trains nothing (no command needed). Returns one problem per broken rule, with the key it
 * is reported at; pure, throws nothing.
 */
export function crossKeyProblems(
  raw: Record<string, unknown>,
  options: { trains: boolean } = { trains: true },
): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  const has = (key: string) => raw[key] !== undefined && raw[key] !== null;
  // `mode: publish` trains nothing: it needs no command.
  if (options.trains && !has('command') && !has('trainer'))
    problems.push({
      key: 'command',
      message: 'set either `command` (a training command) or `trainer` (the built-in TensorFlow.js trainer)',
    });
  if (has('command') && has('trainer'))
    problems.push({ key: 'trainer', message: '`command` and `trainer` are alternatives; set only one' });
  const tolerance = raw.tolerance as Record<string, unknown> | undefined;
  if (tolerance?.exact === true && (tolerance.rtol !== undefined || tolerance.atol !== undefined))
    problems.push({
      key: 'tolerance',
      message: 'tolerance: `exact: true` compares bit for bit; leave out rtol and atol with it',
    });
  if (tolerance?.sigma !== undefined && tolerance['false-alarm-rate'] !== undefined)
    problems.push({
      key: 'tolerance',
      message: 'tolerance: `sigma` and `false-alarm-rate` both set k of the σ gate; set only one',
    });
  const audit = raw.audit as Record<string, unknown> | undefined;
  if (audit?.expect === 'statistical' && !(typeof audit.seeds === 'number' && audit.seeds >= 1))
    problems.push({
      key: 'audit',
      message:
        'audit: `expect: statistical` needs a seed band: set `seeds` to 1 or more (--seeds M; 8 gives a usable band)',
    });
  if (has('command') && !has('metrics'))
    problems.push({
      key: 'metrics',
      message: 'with `command`, say where the metrics are written (a file, a glob or {prefix: path})',
    });
  const checkpoints = raw.checkpoints as string | { glob?: unknown } | undefined;
  const checkpointGlob =
    typeof checkpoints === 'string' ? checkpoints : typeof checkpoints?.glob === 'string' ? checkpoints.glob : null;
  const pickle = checkpointGlob === null ? null : pickleExtension(checkpointGlob);
  // Said before the training: a pickle cannot be read safely, and finding out after an hour of training helps nobody.
  if (pickle)
    problems.push({
      key: 'checkpoints',
      message: `${checkpointGlob} names ${pickle} files, which repro-check does not read (unpickling runs code). ${SAVE_AS_SAFETENSORS}`,
    });
  const stepKey = raw['step-key'];
  if (typeof stepKey === 'object' && stepKey !== null && !Array.isArray(stepKey)) {
    const metrics = raw.metrics;
    const prefixes =
      typeof metrics === 'object' && metrics !== null && !Array.isArray(metrics) ? Object.keys(metrics) : null;
    if (prefixes === null)
      problems.push({
        key: 'step-key',
        message:
          'a map of step keys goes with the map form of `metrics` ({prefix: path}); with one metrics path give one key, e.g. step-key: epoch',
      });
    else {
      const unknown = Object.keys(stepKey).filter((prefix) => !prefixes.includes(prefix));
      if (unknown.length > 0)
        problems.push({
          key: 'step-key',
          message: `${unknown.map((p) => `"${p}"`).join(', ')} ${unknown.length === 1 ? 'is not a prefix' : 'are not prefixes'} of \`metrics\`; accepted: ${prefixes.map((p) => `"${p}"`).join(', ')}`,
        });
    }
  }
  return problems;
}
