import * as core from '@actions/core';
import path from 'node:path';
import { ReproError } from '../../errors.ts';
import type { ModeRun } from '../mode-run.ts';

/**
 * `mode: aggregate`: the matrix's run records — files in the workspace (`records`, as
 * actions/download-artifact left them), artifacts of this workflow run (`record-artifacts`), or
 * both — become the band baseline (written to the `baseline` path, its {runner} and {gpu} filled
 * from the records) and an audit verdict (outputs status, level, baseline-path; the job summary).
 * Fails the step below `audit.expect`.
 * @throws ReproError for fewer than two records, an artifact that cannot be read, or records that
 *   cannot be aggregated (metric files, several commits, disagreeing {runner}/{gpu}).
 */
export async function aggregateMode(run: ModeRun): Promise<void> {
  const { settings, context } = run;
  const { records, recordArtifacts } = run.inputs;
  const [
    { expandFileGlob },
    { readAggregateInputs, runAggregate },
    { resolveRecordsBaselinePath },
    { renderAuditMarkdown },
    { serializeDocument },
    { writeFileAtomic },
  ] = await Promise.all([
    import('../../metrics/glob-files.ts'),
    import('../../modes/aggregate.ts'),
    import('../../modes/baseline-location.ts'),
    import('../../report/audit.ts'),
    import('../../record/codec.ts'),
    import('../../fs/atomic-write.ts'),
  ]);
  const files: string[] = [];
  if (records !== null)
    files.push(...(await expandFileGlob(context.cwd, records)).files.map((f) => path.resolve(context.cwd, f)));
  if (recordArtifacts !== null) {
    const { downloadRecordArtifacts } = await import('../../github/record-artifacts.ts');
    const dir = path.join(context.env.RUNNER_TEMP ?? context.cwd, 'repro-check-record-artifacts');
    const downloaded = await downloadRecordArtifacts({ pattern: recordArtifacts, dir, env: context.env });
    context.log.info(`Downloaded ${downloaded.length} run record(s) from the artifacts matching "${recordArtifacts}".`);
    files.push(...downloaded);
  }
  if (files.length < 2)
    throw new ReproError(
      `${[
        records !== null ? `input "records": "${records}"` : null,
        recordArtifacts !== null ? `input "record-artifacts": "${recordArtifacts}"` : null,
      ]
        .filter(Boolean)
        .join(
          ' and ',
        )} ${records !== null && recordArtifacts !== null ? 'match' : 'matches'} ${files.length} file${files.length === 1 ? '' : 's'}${records !== null ? ` in ${context.cwd}` : ''}; aggregate needs two or more run records`,
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
