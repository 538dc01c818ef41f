import * as core from '@actions/core';
import path from 'node:path';
import { ReproError } from '../../errors.ts';
import type { ModeRun } from '../mode-run.ts';

/** The matrix's run records (downloaded by actions/download-artifact) become the band baseline and an audit verdict. */
export async function aggregateMode(run: ModeRun): Promise<void> {
  const { settings, context } = run;
  const records = run.inputs.records!;
  const [
    { expandFileGlob },
    { readAggregateInputs, runAggregate },
    { renderAuditMarkdown },
    { serializeDocument },
    { writeFileAtomic },
  ] = await Promise.all([
    import('../../metrics/glob-files.ts'),
    import('../../modes/aggregate.ts'),
    import('../../report/audit.ts'),
    import('../../record/codec.ts'),
    import('../../fs/atomic-write.ts'),
  ]);
  const { files } = await expandFileGlob(context.cwd, records);
  if (files.length < 2)
    throw new ReproError(
      `input "records": "${records}" matches ${files.length} file${files.length === 1 ? '' : 's'} in ${context.cwd}; aggregate needs two or more run records`,
      {
        hint: "Download the matrix jobs' artifacts first (actions/download-artifact with a pattern and path), and point records at their run-record.json files.",
      },
    );
  const inputs = await readAggregateInputs(files.map((f) => path.resolve(context.cwd, f)));
  const result = runAggregate(inputs, settings.config, context.env, context.now().toISOString());
  const baselinePath = path.resolve(context.cwd, settings.config['working-directory'], settings.config.baseline);
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
