import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { encodeMetricData, serializeDocument } from '../../src/record/codec.ts';
import { parseMetricText } from '../../src/metrics/parse.ts';
import { withTempDir } from '../support/temp-dir.ts';

const fixtures = path.resolve('test/fixtures/metrics');

async function cli(args: string[], cwd = fixtures) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-cli-', body);

test('compare of a real PyTorch log with itself passes with exit 0 and the JSON contract', async () => {
  const { code, stdout } = await cli(['compare', 'pytorch-train.jsonl', 'pytorch-train.jsonl', '--format', 'json']);
  assert.equal(code, 0);
  const verdict = JSON.parse(stdout);
  assert.equal(verdict.status, 'pass');
  assert.ok(verdict.metrics.length > 2);
  for (const metric of verdict.metrics) {
    assert.deepEqual(Object.keys(metric).slice(0, 6), [
      'name',
      'status',
      'firstDivergentStep',
      'firstOutOfToleranceStep',
      'maxAbsDiff',
      'maxRelDiff',
    ]);
    assert.equal(metric.firstDivergentStep, null);
  }
});

test('a changed value makes compare exit 1 and name the step; --metric/--ignore filter; --exact is bitwise', async () => {
  await withTemp(async (dir) => {
    const original = await readFile(path.join(fixtures, 'pytorch-train.jsonl'), 'utf8');
    const lines = original.split('\n');
    const index = lines.findIndex((l) => l.includes('"step": 20,') || l.includes('"step":20,'));
    assert.ok(index > 0, 'the fixture logs step 20');
    const row = JSON.parse(lines[index]!.replace(/\bNaN\b/g, 'null'));
    const lossPath = Object.keys(row).includes('train') ? ['train', 'loss'] : ['loss'];
    const drifted = {
      ...row,
      [lossPath[0]!]:
        lossPath.length === 2 ? { ...row[lossPath[0]!], loss: row[lossPath[0]!].loss * 1.01 } : row.loss * 1.01,
    };
    lines[index] = JSON.stringify(drifted);
    await writeFile(path.join(dir, 'current.jsonl'), lines.join('\n'));
    const name = lossPath.join('.');
    const drift = await cli(
      ['compare', path.join(fixtures, 'pytorch-train.jsonl'), 'current.jsonl', '--format', 'json'],
      dir,
    );
    assert.equal(drift.code, 1, drift.stderr);
    const loss = JSON.parse(drift.stdout).metrics.find((m: { name: string }) => m.name === name);
    assert.equal(loss.status, 'drift');
    assert.equal(loss.firstDivergentStep, 20);
    assert.equal(loss.firstOutOfToleranceStep, 20);
    const ignored = await cli(
      ['compare', path.join(fixtures, 'pytorch-train.jsonl'), 'current.jsonl', '--ignore', name],
      dir,
    );
    assert.equal(ignored.code, 0, ignored.stdout);
    const loose = await cli(
      ['compare', path.join(fixtures, 'pytorch-train.jsonl'), 'current.jsonl', '--rtol', '0.02', '--metric', name],
      dir,
    );
    assert.equal(loose.code, 0, loose.stdout);
    assert.match(loose.stdout, /reproduced — 1 metric within tolerance/);
  });
});

test('compare reads run records by content, whatever their name', async () => {
  await withTemp(async (dir) => {
    const data = parseMetricText(
      await readFile(path.join(fixtures, 'pytorch-train.jsonl'), 'utf8'),
      'pytorch-train.jsonl',
    );
    const record = {
      kind: 'repro-check/run-record' as const,
      schemaVersion: 1 as const,
      provenance: {
        commit: 'c',
        ref: null,
        shallow: false,
        dirty: false as const,
        seed: 1,
        settingsHash: 'h',
        createdAt: 'now',
      },
      environment: {
        os: { platform: 'linux', release: '', arch: '' },
        cpu: { model: '', cores: 1 },
        node: '',
        python: null,
        gpu: null,
        files: {},
        extra: {},
      },
      metrics: encodeMetricData(data),
    };
    await writeFile(path.join(dir, 'record.txt'), serializeDocument(record));
    const result = await cli(['compare', 'record.txt', path.join(fixtures, 'pytorch-train.jsonl'), '--exact'], dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });
});

test('bad input exits 2 with a message naming the file and line', async () => {
  await withTemp(async (dir) => {
    await writeFile(path.join(dir, 'bad.jsonl'), '{"step": 0, "loss": 1}\n{"step": 1, "loss": \n');
    const malformed = await cli(['compare', 'bad.jsonl', 'bad.jsonl'], dir);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /bad\.jsonl:2/);
    const missing = await cli(['compare', 'nope.jsonl', 'bad.jsonl'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.jsonl: does not exist\n\s*Check the path/);
    // A quoted glob reaches compare as typed: said as such, with where globs are expanded.
    const glob = await cli(['compare', 'bad.jsonl', 'runs/*.csv'], dir);
    assert.equal(glob.code, 2);
    assert.match(
      glob.stderr,
      /runs\/\*\.csv: does not exist\n\s*compare reads one file or folder for each side, and "runs\/\*\.csv" is a glob/,
    );
    assert.match(glob.stderr, /`metrics:` in repro\.yml/);
    assert.doesNotMatch(glob.stderr + missing.stderr, /ENOENT/);
    // A folder of no known layout: the glob advice is repro.yml's, not compare's.
    await mkdir(path.join(dir, 'logs'));
    const folder = await cli(['compare', 'logs', 'logs'], dir);
    assert.equal(folder.code, 2);
    assert.match(
      folder.stderr,
      /give `metrics:` in repro\.yml a glob \(dir\/\*\.csv\); compare reads one file or folder for each side/,
    );
    await writeFile(path.join(dir, 'empty.csv'), '');
    assert.equal((await cli(['compare', 'empty.csv', 'empty.csv'], dir)).code, 2);
    const future = JSON.stringify({ kind: 'repro-check/baseline', schemaVersion: 99, createdAt: 'x', runs: [] });
    await writeFile(path.join(dir, 'future.json'), future);
    const newer = await cli(['compare', 'future.json', 'future.json'], dir);
    assert.equal(newer.code, 2);
    assert.match(newer.stderr, /future\.json: .*schemaVersion 99 is newer/);
    assert.equal(await readFile(path.join(dir, 'future.json'), 'utf8'), future, 'nothing is overwritten');
  });
  for (const args of [
    ['compare', 'a'],
    ['compare', 'a', 'b', '--rtol', 'x'],
    ['compare', 'a', 'b', '--exact', '--rtol', '1'],
    ['frobnicate'],
    ['check', '--no-such-flag'],
    ['env', '--format', 'yaml'],
  ]) {
    const result = await cli(args);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.ok(result.stderr.length > 0);
  }
});

test('--version and --help', async () => {
  const version = await cli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(await readFile('package.json', 'utf8')).version);
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /repro-check compare BASELINE CURRENT/);
});

test('each command takes only its own options; -o writes the machine-readable result of compare and env', async () => {
  for (const [args, message] of [
    [['compare', 'a', 'b', '--seed', '3'], /--seed: not an option of `compare`; it accepts --rtol, --atol, --exact/],
    [
      ['env', '--config', 'repro.yml'],
      /--config: not an option of `env`; it accepts --format, -o\/--out, -v\/--verbose/,
    ],
    [['check', '--rtol', '1e-3', '--exact'], /--rtol, --exact: not an option of `check`/],
    [['baseline', 'update', '-o', 'x.json'], /--out: not an option of `baseline update`/],
    // Flags no command knows: named with the options of the command they were given to.
    [
      ['check', '--no-such-flag', '--tolerance=1'],
      /--no-such-flag, --tolerance: not an option of `check`; it accepts --config, --set, --seed, --format, -o\/--out, --html, --allow-dirty, -v\/--verbose/,
    ],
    [['--frobnicate', 'env'], /--frobnicate: not an option of `env`; it accepts --format, -o\/--out, -v\/--verbose/],
    [
      ['compare', 'a', 'b', '-x'],
      /-x: not an option of `compare`; it accepts --rtol, --atol, --exact, --sigma, --config, --metric, --ignore, --step-key, --format, -o\/--out, --html, -v\/--verbose/,
    ],
  ] as const) {
    const result = await cli([...args]);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
  }
  await withTemp(async (dir) => {
    const compared = await cli(
      [
        'compare',
        path.join(fixtures, 'pytorch-train.jsonl'),
        path.join(fixtures, 'pytorch-train.jsonl'),
        '-o',
        'verdict.json',
      ],
      dir,
    );
    assert.equal(compared.code, 0);
    assert.match(compared.stdout, /reproduced/, 'stdout keeps the chosen format');
    assert.equal(JSON.parse(await readFile(path.join(dir, 'verdict.json'), 'utf8')).status, 'pass');
    const env = await cli(['env', '--out', 'fingerprint.json'], dir);
    assert.equal(env.code, 0);
    assert.match(env.stdout, /^os: /);
    assert.equal(JSON.parse(await readFile(path.join(dir, 'fingerprint.json'), 'utf8')).node, process.version);
  });
});

test('no settings file: the message says where it looked and how to give one; bad --set flags come with the other problems', async () => {
  await withTemp(async (dir) => {
    const missing = await cli(['run'], dir);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      new RegExp(
        `No config file found: there is no repro\\.yml in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(the current directory\\), and no --config was given`,
      ),
    );
    assert.match(
      missing.stderr,
      /Pass --config path\/to\/repro\.yml, or create repro\.yml here, e\.g\.:\n  command: .*\n  metrics: /,
    );
    await writeFile(path.join(dir, 'repro.yml'), 'command: "true"\nmetrics: m.jsonl\nseed: x\n');
    const both = await cli(['run', '--set', 'oops', '--set', 'timeout-minutes=soon'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Invalid settings \(3 problems\)/);
    assert.match(both.stderr, /--set oops: expected key=value/);
    assert.match(both.stderr, /repro\.yml:3: seed/);
    assert.match(both.stderr, /--set timeout-minutes: timeout-minutes/);
    // A bad --format joins them too, rather than hiding them behind itself.
    const format = await cli(['check', '--format', 'yaml', '--set', 'timeout-minutes=soon'], dir);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /Invalid settings \(3 problems\)/);
    assert.match(format.stderr, /--format yaml: not accepted; accepted: text, markdown, json/);
    assert.match(format.stderr, /repro\.yml:3: seed/);
    assert.match(format.stderr, /--set timeout-minutes: timeout-minutes/);
  });
});

test('compare reports every problem with its arguments at once, before reading any file', async () => {
  const result = await cli(['compare', 'only-one.jsonl', '--rtol', 'x', '--atol=-1', '--format', 'yaml']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /4 problems with the arguments/);
  assert.match(result.stderr, /--format yaml: not accepted; accepted: text, markdown, json/);
  assert.match(result.stderr, /compare takes two files, BASELINE and CURRENT; got 1 \(only-one\.jsonl\)/);
  assert.match(result.stderr, /--rtol x: expected a number >= 0/);
  assert.match(result.stderr, /--atol -1: expected a number >= 0/);
  assert.doesNotMatch(result.stderr, /ENOENT/, 'no file was read');
  const exact = await cli(['compare', 'pytorch-train.jsonl', 'pytorch-train.jsonl', '--exact', '--atol', '0']);
  assert.equal(exact.code, 2);
  assert.match(exact.stderr, /--exact compares bit for bit; leave out --atol with it/);
});

test('compare --config holds the files to the tolerance keys of a repro.yml, as check does', async () => {
  await withTemp(async (dir) => {
    await writeFile(
      path.join(dir, 'a.jsonl'),
      '{"step": 1, "loss": 1.0, "acc": 0.5, "wall": 3}\n{"step": 2, "loss": 0.5, "acc": 0.6, "wall": 4}\n',
    );
    await writeFile(
      path.join(dir, 'b.jsonl'),
      '{"step": 1, "loss": 1.0, "acc": 0.5, "wall": 9}\n{"step": 2, "loss": 0.51, "acc": 0.6001, "wall": 9}\n',
    );
    await writeFile(
      path.join(dir, 'repro.yml'),
      'command: python t.py\nmetrics: m.jsonl\ntolerance: { rtol: 1.0e-3 }\nmetric-tolerances:\n  loss: { rtol: 0.05 }\nignore-metrics: [wall]\n',
    );
    const held = await cli(['compare', 'a.jsonl', 'b.jsonl', '--config', 'repro.yml', '--format', 'json'], dir);
    assert.equal(held.code, 0, held.stderr);
    const verdict = JSON.parse(held.stdout);
    assert.deepEqual(
      verdict.metrics.map((m: { name: string; status: string; tolerance: { source: string } }) => [
        m.name,
        m.status,
        m.tolerance.source,
      ]),
      [
        ['acc', 'pass', 'tolerance in repro.yml'],
        ['loss', 'pass', 'metric-tolerances["loss"]'],
      ],
    );
    // Without the file's looser loss tolerance, the same files drift.
    assert.equal((await cli(['compare', 'a.jsonl', 'b.jsonl'], dir)).code, 1);
    const both = await cli(['compare', 'a.jsonl', 'b.jsonl', '--config', 'repro.yml', '--rtol', '1'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--config takes the tolerance from the file; leave out --rtol/);
    await writeFile(path.join(dir, 'bad.yml'), 'command: t\nmetrics: m\ntolerance: { rtol: -1 }\n');
    const bad = await cli(['compare', 'a.jsonl', 'b.jsonl', '--config', 'bad.yml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.yml:3: tolerance/);
  });
});

test('compare --step-key names the step of both files; the JSON says which key each file used', async () => {
  await withTemp(async (dir) => {
    await writeFile(path.join(dir, 'a.csv'), 'batch,loss\n0,1\n1,0.5\n');
    await writeFile(path.join(dir, 'b.csv'), 'batch,loss\n0,1\n1,0.6\n');
    const refused = await cli(['compare', 'a.csv', 'b.csv'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /a\.csv:3: "batch" is logged again .*\n.*--step-key KEY/);
    const named = await cli(['compare', 'a.csv', 'b.csv', '--step-key', 'batch', '--format', 'json'], dir);
    assert.equal(named.code, 1, named.stderr);
    const verdict = JSON.parse(named.stdout);
    assert.deepEqual(
      verdict.metrics.map((m: { name: string; firstDivergentStep: number }) => [m.name, m.firstDivergentStep]),
      [['loss', 1]],
    );
    assert.deepEqual(verdict.stepKeys, {
      baseline: [{ file: path.join(dir, 'a.csv'), stepKey: 'batch' }],
      current: [{ file: path.join(dir, 'b.csv'), stepKey: 'batch' }],
    });
    await writeFile(path.join(dir, 'repro.yml'), 'step-key: batch\n');
    assert.equal(
      (await cli(['compare', 'a.csv', 'b.csv', '--config', 'repro.yml'], dir)).code,
      1,
      'the config file names it too',
    );
  });
});

test('when both inputs are bad, both are named, baseline first', async () => {
  await withTemp(async (dir) => {
    await writeFile(path.join(dir, 'bad.jsonl'), '{"step": 0, "loss": 1}\n{"step": 1, "loss": \n');
    const both = await cli(['compare', 'nope.jsonl', 'bad.jsonl'], dir);
    assert.equal(both.code, 2);
    assert.match(
      both.stderr,
      /both inputs are bad:\n\s+- BASELINE: .*nope\.jsonl: does not exist\n.*\n\s+- CURRENT: .*bad\.jsonl:2: malformed JSON/,
    );
  });
});

test('compare --config takes a file holding only tolerance keys', async () => {
  await withTemp(async (dir) => {
    await writeFile(path.join(dir, 'a.jsonl'), '{"step": 1, "loss": 1.0}\n');
    await writeFile(path.join(dir, 'b.jsonl'), '{"step": 1, "loss": 1.01}\n');
    await writeFile(path.join(dir, 'gate.yml'), 'tolerance: { rtol: 0.05 }\n');
    const result = await cli(['compare', 'a.jsonl', 'b.jsonl', '--config', 'gate.yml'], dir);
    assert.equal(result.code, 0, result.stderr);
    await writeFile(path.join(dir, 'typo.yml'), 'tolerence: { rtol: 0.05 }\n');
    const typo = await cli(['compare', 'a.jsonl', 'b.jsonl', '--config', 'typo.yml'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown key "tolerence" \(did you mean "tolerance"\?\)/);
  });
});
