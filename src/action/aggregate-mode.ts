import * as core from '@actions/core';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { LoadedSettings } from '../settings/load.ts';
import type { ModeContext } from '../modes/context.ts';

/** Where aggregate's run records come from: files in the workspace, artifacts of this workflow run, or both. */
export interface RecordSources {
  /** The `records` input: a glob of run records relative to the workspace (actions/download-artifact's layout). */
  records: string | null;
  /** The `record-artifacts` input: a glob of artifact names, downloaded through the runner's artifact service. */
  recordArtifacts: string | null;
}

/**
 * `mode: aggregate`: the matrix's run records become the band baseline (written to the `baseline`
 * path, its {runner} and {gpu} filled from the records) and an audit verdict (outputs status,
 * level, baseline-path; the job summary). Fails the step below `audit.expect`. Throws a
 * ReproError for fewer than two records, an artifact that cannot be read, or records that
 * cannot be aggregated (metric files, several commits).
 */
export async function aggregateMode(
  sources: RecordSources,
  settings: LoadedSettings,
  context: ModeContext,
): Promise<void> {
  const [
    { expandFileGlob },
    { readAggregateInputs, runAggregate },
    { resolveRecordsBaselinePath },
    { renderAuditMarkdown },
    { serializeDocument },
    { writeFileAtomic },
  ] = await Promise.all([
    import('../metrics/glob-files.ts'),
    import('../modes/aggregate.ts'),
    import('../modes/baseline-location.ts'),
    import('../report/audit.ts'),
    import('../record/codec.ts'),
    import('../fs/atomic-write.ts'),
  ]);
  const files: string[] = [];
  if (sources.records !== null)
    files.push(...(await expandFileGlob(context.cwd, sources.records)).files.map((f) => path.resolve(context.cwd, f)));
  if (sources.recordArtifacts !== null) {
    const { downloadRecordArtifacts } = await import('../github/record-artifacts.ts');
    const dir = path.join(context.env.RUNNER_TEMP ?? context.cwd, 'repro-check-record-artifacts');
    const downloaded = await downloadRecordArtifacts({ pattern: sources.recordArtifacts, dir, env: context.env });
    context.log.info(
      `Downloaded ${downloaded.length} run record(s) from the artifacts matching "${sources.recordArtifacts}".`,
    );
    files.push(...downloaded);
  }
  if (files.length < 2)
    throw new ReproError(
      `${[
        sources.records !== null ? `input "records": "${sources.records}"` : null,
        sources.recordArtifacts !== null ? `input "record-artifacts": "${sources.recordArtifacts}"` : null,
      ]
        .filter(Boolean)
        .join(
          ' and ',
        )} ${sources.records !== null && sources.recordArtifacts !== null ? 'match' : 'matches'} ${files.length} file${files.length === 1 ? '' : 's'}${sources.records !== null ? ` in ${context.cwd}` : ''}; aggregate needs two or more run records`,
      {
        hint: "Point records at the matrix jobs' run-record.json files (as actions/download-artifact left them), or record-artifacts at the names the matrix jobs uploaded them under.",
      },
    );
  const inputs = await readAggregateInputs(files);
  const result = runAggregate(inputs, settings.config, context.env, context.now().toISOString());
  const baselinePath = path.resolve(
    context.cwd,
    settings.config['working-directory'],
    resolveRecordsBaselinePath(
      settings.config.baseline,
      inputs.map((i) => i.record!),
      'baseline',
    ),
  );
  await writeFileAtomic(baselinePath, serializeDocument(result.baseline));
  const markdown = renderAuditMarkdown(result.report);
  core.setOutput('status', result.report.findings.reached ? 'pass' : 'drift');
  core.setOutput('level', result.report.findings.level);
  core.setOutput('baseline-path', baselinePath);
  await core.summary.addRaw(markdown).write();
  if (!result.report.findings.reached)
    core.setFailed(
      `The ${files.length} run records reach the ${result.report.findings.level} level; ${result.report.findings.expect} was expected (audit.expect). See the job summary.`,
    );
}
