import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { ReproError } from '../errors.ts';

/**
 * Pinning risks (the seeds' advice: pin every dependency): what a rebuild of the environment
 * could silently change. Pure parsers over file text; `findPinningRisks` reads the files.
 */
export interface PinningRisk {
  file: string;
  /** 1-based; null for a file-level risk (no lock file). */
  line: number | null;
  message: string;
}

/**
 * requirements files (pip's format): a requirement is pinned by `==`/`===` or by a `--hash`
 * (on its line or a continuation). Options (`-r`, `--index-url`) and comments are skipped; a
 * direct reference (`name @ url`) counts as pinned only with a hash or a 40-hex commit.
 */
export function requirementsRisks(file: string, text: string): PinningRisk[] {
  const risks: PinningRisk[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!;
    while (logical.trimEnd().endsWith('\\') && i + 1 < lines.length)
      logical = logical.trimEnd().slice(0, -1) + ' ' + lines[++i]!;
    const requirement = logical.replace(/(^|\s)#.*$/, '').trim();
    if (
      requirement === '' ||
      (requirement.startsWith('-') && !requirement.startsWith('-e ') && !requirement.startsWith('--editable'))
    )
      continue;
    const name = requirement.split(/[\s;[<>=!~@]/)[0] || requirement;
    if (/^(-e|--editable)\s/.test(requirement)) {
      risks.push({
        file,
        line: start + 1,
        message: `\`${requirement}\` is an editable install: whatever that checkout holds is installed`,
      });
      continue;
    }
    const hashed = /--hash[= ]/.test(requirement);
    if (requirement.includes(' @ ') || /^\S+@/.test(requirement)) {
      if (!hashed && !/#sha256=|@[0-9a-f]{40}\b/.test(requirement))
        risks.push({ file, line: start + 1, message: `\`${name}\` comes from a URL without a hash or commit` });
      continue;
    }
    if (!hashed && !/={2,3}\s*[^\s,;*]+(\s|;|$)/.test(requirement.replace(/\.\*/g, '*'))) {
      risks.push({
        file,
        line: start + 1,
        message: `\`${requirement.split(';')[0]!.trim()}\` is not pinned (no \`==\` or \`--hash\`)`,
      });
    }
  }
  return risks;
}

/** pyproject.toml declaring dependencies with no lock file beside it (uv.lock, poetry.lock, pdm.lock, pylock.toml). */
export function pyprojectRisks(file: string, text: string, siblings: readonly string[]): PinningRisk[] {
  const declares =
    /^\s*dependencies\s*=\s*\[\s*["'][^\]]/m.test(text) || /^\[tool\.poetry\.dependencies\]\s*$/m.test(text);
  const locked = siblings.some((s) => /^(uv\.lock|poetry\.lock|pdm\.lock|pylock(\..+)?\.toml|Pipfile\.lock)$/.test(s));
  return declares && !locked
    ? [
        {
          file,
          line: null,
          message:
            'declares dependencies but there is no lock file beside it (uv.lock, poetry.lock, pdm.lock): every install resolves them anew',
        },
      ]
    : [];
}

/** environment.yml: conda entries without a version (`numpy`, not `numpy=1.26`), and its pip: list as requirements. */
export function condaRisks(file: string, text: string): PinningRisk[] {
  const document = YAML.parseDocument(text, { keepSourceTokens: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? null : text.slice(0, offset).split('\n').length;
  const dependencies = document.get('dependencies', true);
  const risks: PinningRisk[] = [];
  if (!YAML.isSeq(dependencies)) return risks;
  for (const item of dependencies.items) {
    if (YAML.isScalar(item) && typeof item.value === 'string') {
      const spec = item.value.trim();
      if (!/[=<>]=?\s*\d/.test(spec))
        risks.push({ file, line: lineOf(item.range?.[0]), message: `\`${spec}\` has no version` });
      else if (!/(^|[^<>!])=\s*\d/.test(spec))
        risks.push({ file, line: lineOf(item.range?.[0]), message: `\`${spec}\` is a range, not a version` });
    } else if (YAML.isMap(item)) {
      const pip = item.get('pip', true);
      if (!YAML.isSeq(pip)) continue;
      for (const entry of pip.items) {
        if (!YAML.isScalar(entry) || typeof entry.value !== 'string') continue;
        for (const risk of requirementsRisks(file, entry.value))
          risks.push({ ...risk, line: lineOf(entry.range?.[0]), message: `pip: ${risk.message}` });
      }
    }
  }
  return risks;
}

/** Dockerfile: a `FROM` without an `@sha256:` digest, or on `latest` (stated or implied). Stage names and `scratch` are skipped. */
export function dockerfileRisks(file: string, text: string): PinningRisk[] {
  const risks: PinningRisk[] = [];
  const stages = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(raw);
    if (!match) return;
    const image = match[1]!;
    // A FROM naming an earlier stage builds on that stage, not on an image.
    const earlierStage = image === 'scratch' || stages.has(image.toLowerCase());
    if (match[2]) stages.add(match[2].toLowerCase());
    if (earlierStage) return;
    if (image.includes('$'))
      return void risks.push({
        file,
        line: i + 1,
        message: `\`FROM ${image}\` uses a variable: its image cannot be checked for a digest`,
      });
    if (image.includes('@sha256:')) return;
    const tag = /:([^/:]+)$/.exec(image)?.[1];
    risks.push({
      file,
      line: i + 1,
      message:
        tag === undefined || tag === 'latest'
          ? `\`FROM ${image}\` follows \`latest\`, which moves; pin a digest (\`@sha256:…\`)`
          : `\`FROM ${image}\` has no digest: the tag can be re-pushed; pin \`@sha256:…\``,
    });
  });
  return risks;
}

/** The pinning risks of the files in DIR (the working directory); unreadable files are skipped. */
export async function findPinningRisks(dir: string): Promise<PinningRisk[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const risks: PinningRisk[] = [];
  for (const name of names) {
    const read = () => readFile(path.join(dir, name), 'utf8').catch(() => null);
    let text: string | null;
    if (/^requirements.*\.txt$/.test(name) && (text = await read()) !== null)
      risks.push(...requirementsRisks(name, text));
    else if (name === 'pyproject.toml' && (text = await read()) !== null)
      risks.push(...pyprojectRisks(name, text, names));
    else if (/^environment\.ya?ml$/.test(name) && (text = await read()) !== null) risks.push(...condaRisks(name, text));
    else if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) && (text = await read()) !== null)
      risks.push(...dockerfileRisks(name, text));
  }
  return risks;
}

/** One line for a pinning risk: `file:line: message` (no line for a file-level risk). Pure. */
export function describePinningRisk(risk: PinningRisk): string {
  return `${risk.file}${risk.line === null ? '' : `:${risk.line}`}: ${risk.message}`;
}

/** `pinning-risks: error`: the risks refuse the run before any training (exit 2). */
export function pinningError(risks: readonly PinningRisk[]): ReproError {
  return new ReproError(
    `${risks.length} unpinned dependenc${risks.length === 1 ? 'y' : 'ies'} (pinning-risks: error):\n${risks.map((r) => `  ${describePinningRisk(r)}`).join('\n')}`,
    {
      hint: 'Pin exact versions (==, a lock file, an image digest), or set `pinning-risks: warn` to report them without failing.',
    },
  );
}

/**
 * The `pinning-risks` setting applied to DIR: report lines ("pinning: requirements.txt:5: …"),
 * or, under `error`, a ReproError (exit 2) before any training when there is a risk.
 */
export async function pinningLines(dir: string, setting: 'warn' | 'error'): Promise<string[]> {
  const risks = await findPinningRisks(dir);
  if (setting === 'error' && risks.length > 0) throw pinningError(risks);
  return risks.map((risk) => `pinning: ${describePinningRisk(risk)}`);
}
