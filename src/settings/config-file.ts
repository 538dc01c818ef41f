import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReproError } from '../errors.ts';

/** A settings file as read: the name the user gave (shown in messages), where it is, and its text. */
export interface ConfigFileText {
  /** As given (`--config`, the `config` input), or the default name; settings problems cite it. */
  path: string;
  absolutePath: string;
  text: string;
}

/**
 * The one reader of a settings file (repro.yml) for the CLI's commands and the action.
 * NAME is resolved against DIR. When the user did not name a file (GIVEN false) and NAME does
 * not exist, returns null: the settings then come from flags or inputs alone.
 * @throws ReproError `<LABEL>: cannot read <file> (<code>)` with HINT for any other read failure
 *   (a named file that is missing, a folder, no permission); <file> is the absolute path when
 *   SHOWABSOLUTE, else NAME.
 */
export async function readConfigFile(options: {
  dir: string;
  name: string;
  given: boolean;
  label: string;
  hint?: string;
  showAbsolute?: boolean;
}): Promise<ConfigFileText | null> {
  const absolutePath = path.resolve(options.dir, options.name);
  try {
    return { path: options.name, absolutePath, text: await readFile(absolutePath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!options.given && code === 'ENOENT') return null;
    throw new ReproError(
      `${options.label}: cannot read ${options.showAbsolute ? absolutePath : options.name} (${code ?? (error as Error).message})`,
      options.hint === undefined ? {} : { hint: options.hint },
    );
  }
}
