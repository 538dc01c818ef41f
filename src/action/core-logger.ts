import * as core from '@actions/core';
import type { Logger } from '../log.ts';

/** The mode functions' Logger over @actions/core: groups fold in the log, warnings become annotations. */
export function coreLogger(): Logger {
  return {
    info: (message) => core.info(message),
    warning: (message, where) =>
      core.warning(
        message,
        where
          ? {
              ...(where.file ? { file: where.file } : {}),
              ...(where.line ? { startLine: where.line } : {}),
              ...(where.title ? { title: where.title } : {}),
            }
          : undefined,
      ),
    error: (message) => core.error(message),
    debug: (message) => core.debug(message),
    group: (name, body) => core.group(name, body),
  };
}
