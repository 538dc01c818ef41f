import { InputFileError } from '../errors.ts';
import { SettingsError } from '../settings/load.ts';
import { repoPathWithin } from '../repo-path.ts';

/** Where an error points in the repository, for an `::error file=…,line=…::` annotation. */
export interface ErrorAnnotation {
  /** Relative to the workspace, with `/`: GitHub shows annotations on repository paths only. */
  file: string;
  line?: number;
  message: string;
}

/** `repro.yml:7: unknown key …` as the settings loader words each problem. */
const PROBLEM_AT_LINE = /^(.+?):(\d+): (.*)$/s;

/**
 * The annotations an error that ended the run deserves (pure): one per settings problem that
 * names a line of the config file, or one for a bad input file inside the workspace. Errors
 * about files outside it (the event payload, RUNNER_TEMP) get none: the PR has nowhere to show them.
 */
export function errorAnnotations(error: unknown, workspace: string): ErrorAnnotation[] {
  const inWorkspace = (file: string): string | null => repoPathWithin(workspace, file);
  if (error instanceof SettingsError) {
    return error.problems.flatMap((problem) => {
      const match = PROBLEM_AT_LINE.exec(problem);
      const file = match ? inWorkspace(match[1]!) : null;
      return match && file ? [{ file, line: Number(match[2]), message: match[3]! }] : [];
    });
  }
  if (error instanceof InputFileError) {
    const file = inWorkspace(error.file);
    if (file === null) return [];
    const message = error.message.slice(error.message.indexOf(': ') + 2);
    return [{ file, ...(error.line === undefined ? {} : { line: error.line }), message }];
  }
  return [];
}
