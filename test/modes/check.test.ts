import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createProject, git, REPRO_YML, TRAIN_SCRIPT, type Project } from './project-fixture.ts';
import { runCli } from '../../src/cli/main.ts';

async function withProject(body: (project: Project) => Promise<void>, files?: Record<string, string>): Promise<void> {
  const project = await createProject(files);
  try {
    await body(project);
  } finally {
    await project.cleanup();
  }
}

async function withBaseline(body: (project: Project) => Promise<void>): Promise<void> {
  await withProject(async (project) => {
    const update = await project.cli(['baseline', 'update']);
    assert.equal(update.code, 0, update.stderr);
    project.commit('baseline');
    await body(project);
  });
}

test('check passes bit for bit on the same commit and fails with exit 1 and a table when the learning rate changes', async () => {
  await withBaseline(async (project) => {
    const baseline = JSON.parse(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'));
    assert.equal(baseline.kind, 'repro-check/baseline');
    assert.equal(baseline.runs[0].provenance.command, 'node train.mjs');
    assert.equal(baseline.runs[0].provenance.seed, 7);
    assert.equal(baseline.runs[0].provenance.dirty, false);
    assert.equal(baseline.runs[0].metrics.series['train.loss'].steps.length, 40);
    assert.equal(
      baseline.runs[0].metrics.series.timestamp.steps.length,
      40,
      'recorded faithfully, ignored in the compare',
    );

    const pass = await project.cli(['check']);
    assert.equal(pass.code, 0, pass.stdout + pass.stderr);
    assert.match(pass.stdout, /reproduced — 2 metrics within tolerance, bit-for-bit identical/);
    assert.doesNotMatch(pass.stdout, /\| timestamp/);

    await project.write('train.mjs', TRAIN_SCRIPT(0.6));
    project.commit('raise the learning rate');
    const drift = await project.cli(['check', '--format', 'json']);
    assert.equal(drift.code, 1, drift.stderr);
    const verdict = JSON.parse(drift.stdout);
    assert.equal(verdict.status, 'drift');
    const loss = verdict.metrics.find((m: { name: string }) => m.name === 'train.loss');
    assert.equal(loss.status, 'drift');
    // Step 1's loss is computed before the first update: the curves part at step 2.
    assert.equal(loss.firstDivergentStep, 2);
    assert.equal(loss.firstOutOfToleranceStep, 2);
    const table = await project.cli(['check']);
    assert.equal(table.code, 1);
    assert.match(table.stdout, /## ❌ repro-check: drift in \d of 2 metrics — curves part at step 2/);
    assert.match(table.stdout, /\| train\.loss @40 \|.*\| 2 \| 2 \| \*\*drift\*\* \|/);
  });
});

test('a different seed is drift; --seed and --set override the file', async () => {
  await withBaseline(async (project) => {
    const other = await project.cli(['check', '--seed', '8', '--format', 'json']);
    assert.equal(other.code, 1, other.stderr);
    // With zero initial weights the step-1 loss is ln 2 whatever the data: other data shows from step 2.
    const json = JSON.parse(other.stdout);
    assert.equal(json.metrics.find((m: { name: string }) => m.name === 'train.loss').firstDivergentStep, 2);
    const seedNote = 'baseline seed 7, this run seed 8 — curves from different seeds are not comparable bit for bit';
    assert.deepEqual(json.seedMismatch, { baseline: 7, current: 8 });
    assert.ok(json.notes.includes(seedNote), json.notes.join('\n'));
    const loose = await project.cli(['check', '--seed', '8', '--set', 'tolerance={ rtol: 10 }']);
    assert.equal(loose.code, 0, loose.stdout);
    assert.ok(loose.stdout.includes(`- ${seedNote}`), loose.stdout);
  });
});

test('a dirty tree is refused with exit 2, the paths listed, and nothing trained or written', async () => {
  await withBaseline(async (project) => {
    const before = await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8');
    await project.write('train.mjs', TRAIN_SCRIPT(0.9));
    await project.write('notes.txt', 'untracked');
    for (const command of [['check'], ['baseline', 'update'], ['run']]) {
      const refused = await project.cli(command);
      assert.equal(refused.code, 2, command.join(' '));
      assert.match(refused.stderr, /not clean \(2 paths\):\n\s+\.M train\.mjs\n\s+\?\? notes\.txt/);
      assert.match(refused.stderr, /commit these changes, stash them/);
      assert.doesNotMatch(refused.stderr, /trained 40 steps/);
    }
    assert.equal(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'), before);
  });
});

test('--allow-dirty trains uncommitted changes: recorded as dirty with the paths and a diff hash, the headline says it cannot gate', async () => {
  await withBaseline(async (project) => {
    await project.write('train.mjs', TRAIN_SCRIPT(0.9));
    await project.write('notes.txt', 'untracked');
    const tried = await project.cli(['check', '--allow-dirty', '--format', 'json', '-o', 'record.json']);
    assert.equal(tried.code, 1, tried.stderr);
    const json = JSON.parse(tried.stdout);
    assert.equal(json.dirty, true);
    assert.deepEqual(json.dirtyPaths, ['train.mjs', 'notes.txt']);
    assert.match(json.diffSha256, /^[0-9a-f]{64}$/);
    assert.match(tried.stderr, /unclean tree — this result cannot gate/);
    const record = JSON.parse(await readFile(path.join(project.dir, 'record.json'), 'utf8'));
    assert.equal(record.provenance.dirty, true);
    assert.equal(record.provenance.diffSha256, json.diffSha256);
    const markdown = await project.cli(['check', '--allow-dirty']);
    assert.match(markdown.stdout, /^## ❌ repro-check: drift in .* \(unclean tree — this result cannot gate\)\n/);
    // The hash follows the content of the changes, untracked files included.
    await project.write('notes.txt', 'untracked, edited');
    const run = await project.cli(['run', '--allow-dirty', '-o', 'again.json']);
    assert.equal(run.code, 0, run.stderr);
    const second = JSON.parse(await readFile(path.join(project.dir, 'again.json'), 'utf8'));
    assert.equal(second.provenance.dirty, true);
    assert.notEqual(second.provenance.diffSha256, json.diffSha256);
    // Never for a baseline, never in GitHub Actions.
    const baseline = await project.cli(['baseline', 'update', '--allow-dirty']);
    assert.equal(baseline.code, 2);
    assert.match(baseline.stderr, /--allow-dirty: not an option of `baseline update`/);
    const inActions = await project.cli(['check', '--allow-dirty'], { GITHUB_ACTIONS: 'true' });
    assert.equal(inActions.code, 2);
    assert.match(inActions.stderr, /--allow-dirty is refused in GitHub Actions/);
  });
});

test('baseline update does not count its own uncommitted output as an unclean tree', async () => {
  await withProject(async (project) => {
    const first = await project.cli(['baseline', 'update']);
    assert.equal(first.code, 0, first.stderr);
    const rerun = await project.cli(['baseline', 'update']);
    assert.equal(rerun.code, 0, rerun.stderr);
    await project.write('notes.txt', 'untracked');
    const other = await project.cli(['baseline', 'update']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /not clean \(1 path\):\n\s+\?\? notes\.txt\n/);
  });
});

// A training that leaves a marker, to tell whether a refused run trained at all.
const MARKING_REPRO_YML = REPRO_YML.replace(
  'command: node train.mjs',
  'command: touch trained.marker && node train.mjs',
);

test('no baseline: check exits 2 and says how to create one, before training', async () => {
  await withProject(
    async (project) => {
      const result = await project.cli(['check']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /No baseline at \.repro\/baseline\.json; nothing to compare/);
      assert.match(result.stderr, /npx repro-check baseline update/);
      await assert.rejects(
        readFile(path.join(project.dir, 'trained.marker')),
        /ENOENT/,
        'refused before the training ran',
      );
    },
    { 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': MARKING_REPRO_YML, '.gitignore': 'trained.marker\n' },
  );
});

test('a broken or newer-schema baseline is refused before the training, and left as it is', async () => {
  await withProject(
    async (project) => {
      for (const [text, message] of [
        ['{"kind": "repro-check/baseline", "schemaVersion": 99, "runs": []}', /schemaVersion 99/],
        ['{ not json', /the baseline is not valid JSON/],
      ] as const) {
        await project.write('.repro/baseline.json', text);
        project.commit(`baseline ${text.length}`);
        for (const command of [['check'], ['baseline', 'update']]) {
          const refused = await project.cli(command);
          // An update replaces a broken baseline (that is what it is for) but never a newer one.
          if (command[0] === 'baseline' && text.startsWith('{ not')) continue;
          assert.equal(refused.code, 2, command.join(' '));
          assert.match(refused.stderr, message, command.join(' '));
          await assert.rejects(
            readFile(path.join(project.dir, 'trained.marker')),
            /ENOENT/,
            `${command.join(' ')} refused before the training ran`,
          );
          assert.equal(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'), text);
        }
      }
    },
    { 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': MARKING_REPRO_YML, '.gitignore': 'trained.marker\n' },
  );
});

// Metrics that never change, and a one-tensor safetensors checkpoint whose bytes come from weight.txt.
// With a file `nockpt` committed, the training stops saving its checkpoint.
const WEIGHTS_ONLY_SCRIPT = `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const out = process.env.REPRO_OUT_DIR;
writeFileSync(out + '/metrics.jsonl', [1, 2, 3].map((step) => JSON.stringify({ step, loss: 1 / step })).join('\\n') + '\\n');
const data = Buffer.alloc(4);
data.writeFloatLE(Number(readFileSync('weight.txt', 'utf8')));
let header = JSON.stringify({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } });
header += ' '.repeat((8 - (header.length % 8)) % 8);
const length = Buffer.alloc(8);
length.writeBigUInt64LE(BigInt(header.length));
if (!existsSync('nockpt')) writeFileSync(out + '/model.safetensors', Buffer.concat([length, Buffer.from(header), data]));
`;

test('exact tolerance: weights that differ while every metric passes are drift, and the headline and JSON say so', async () => {
  await withProject(
    async (project) => {
      assert.equal((await project.cli(['baseline', 'update'])).code, 0);
      project.commit('baseline');
      assert.equal((await project.cli(['check'])).code, 0);
      await project.write('weight.txt', '0.25');
      project.commit('change the weight only');
      const markdown = await project.cli(['check']);
      assert.equal(markdown.code, 1, markdown.stderr);
      assert.match(
        markdown.stdout,
        /## ❌ repro-check: drift — final weights differ \(1 of 1 tensor, exact tolerance\); the metric is within tolerance\n/,
      );
      const json = await project.cli(['check', '--format', 'json']);
      assert.equal(json.code, 1);
      const verdict = JSON.parse(json.stdout);
      assert.equal(verdict.status, 'drift', 'the JSON status agrees with the exit code');
      assert.equal(verdict.weightsDiffer, 1);
      assert.deepEqual(
        verdict.metrics.map((m: { status: string }) => m.status),
        ['pass'],
      );
      // The run's report.json (uploaded with the artifact) says the same as stdout.
      const reportPath = /Report: (.*)report\.md/.exec(json.stderr)![1]!;
      const saved = JSON.parse(await readFile(path.join(reportPath, 'report.json'), 'utf8'));
      assert.equal(saved.status, 'drift');
      assert.equal(saved.outcome, 'drift');
      // report.html beside it, and a copy where --html says.
      assert.match(
        await readFile(path.join(reportPath, 'report.html'), 'utf8'),
        /<h1 class="drift">❌ repro-check: drift/,
      );
      const copy = await project.cli(['check', '--html', 'out/report.html']);
      assert.equal(copy.code, 1);
      assert.match(await readFile(path.join(project.dir, 'out/report.html'), 'utf8'), /<h1 class="drift">/);
    },
    {
      'train.mjs': WEIGHTS_ONLY_SCRIPT,
      'weight.txt': '0.5',
      'repro.yml':
        'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\ncheckpoints: "{out}/model.safetensors"\ntolerance: { exact: true }\n',
    },
  );
});

test('a baseline with weight hashes and a run that wrote no checkpoint: drift naming the cause under exact, a note otherwise', async () => {
  await withProject(
    async (project) => {
      assert.equal((await project.cli(['baseline', 'update'])).code, 0);
      project.commit('baseline');
      await project.write('nockpt', '');
      project.commit('stop saving the checkpoint');
      const exact = await project.cli(['check']);
      assert.equal(exact.code, 1, exact.stdout + exact.stderr);
      assert.match(
        exact.stdout,
        /## ❌ repro-check: drift — the baseline has final-weight hashes \(step 0, 1 tensor\); this run wrote no checkpoint \(exact tolerance\)/,
      );
      assert.doesNotMatch(exact.stdout, /bit-for-bit identical/);
      assert.match(exact.stdout, /checkpoints "\{out\}\/model\.safetensors" matched no file/);
      const json = JSON.parse((await project.cli(['check', '--format', 'json'])).stdout);
      assert.equal(json.status, 'drift');
      assert.equal(json.weightsDiffer, 1);

      await project.write(
        'repro.yml',
        'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\ncheckpoints: "{out}/model.safetensors"\n',
      );
      project.commit('default tolerance');
      const allclose = await project.cli(['check']);
      assert.equal(allclose.code, 0, allclose.stdout + allclose.stderr);
      assert.match(allclose.stdout, /## ✅ .*; the weights were not compared \(this run wrote no checkpoint\)/);
      assert.match(
        allclose.stdout,
        /### Weights\n\n- the baseline has final-weight hashes .*\n- the weights were not compared/,
      );
    },
    {
      'train.mjs': WEIGHTS_ONLY_SCRIPT,
      'weight.txt': '0.5',
      'repro.yml':
        'command: node train.mjs\nmetrics: "{out}/metrics.jsonl"\ncheckpoints: "{out}/model.safetensors"\ntolerance: { exact: true }\n',
    },
  );
});

test('--set metrics takes a path with {out} or a glob as text, and one map entry by a dotted key', async () => {
  await withProject(
    async (project) => {
      const plain = await project.cli(['run', '--set', 'metrics={out}/metrics.jsonl', '-o', 'plain.json']);
      assert.equal(plain.code, 0, plain.stderr);
      const record = JSON.parse(await readFile(path.join(project.dir, 'plain.json'), 'utf8'));
      assert.equal(record.metrics.series['train.loss'].steps.length, 40);
      const prefixed = await project.cli(['run', '--set', 'metrics.fit={out}/metrics.jsonl', '-o', 'prefixed.json']);
      assert.equal(prefixed.code, 0, prefixed.stderr);
      assert.equal(
        JSON.parse(await readFile(path.join(project.dir, 'prefixed.json'), 'utf8')).metrics.series['fit.train.loss']
          .steps.length,
        40,
      );
      // A glob is text too; here it matches nothing, and the message names it.
      const glob = await project.cli(['run', '--set', 'metrics=logs/*.jsonl']);
      assert.equal(glob.code, 2);
      assert.match(
        glob.stderr,
        /The training exited 0 but did not write `logs\/\*\.jsonl` \(looked for .*\/logs\/\*\.jsonl\)/,
      );
      // A plain file under {out} that the training never wrote: named as the setting has it, and where it was looked for.
      const missing = await project.cli(['run', '--set', 'metrics={out}/eval.jsonl']);
      assert.equal(missing.code, 2);
      assert.match(
        missing.stderr,
        /error: The training exited 0 but did not write `\{out\}\/eval\.jsonl` \(looked for \/.*\/run-[^/]+\/eval\.jsonl\)\./,
      );
      assert.doesNotMatch(missing.stderr, /ENOENT/);
    },
    { 'train.mjs': TRAIN_SCRIPT(0.5), 'repro.yml': 'command: node train.mjs\nseed: 7\n', '.gitignore': '*.json\n' },
  );
});

test('a failed, missing or slow training command is exit 2 with the reason and its last output lines', async () => {
  await withProject(async (project) => {
    await project.write(
      'repro.yml',
      "command: node -e \"console.log('loading data'); console.error('CUDA out of memory'); process.exit(3)\"\nmetrics: out.jsonl\n",
    );
    project.commit('failing');
    const failed = await project.cli(['run']);
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /failed with exit code 3/);
    assert.match(failed.stderr, /Last lines of its output:\n.*loading data\n.*CUDA out of memory/);

    await project.write('repro.yml', 'command: no-such-trainer --fast\nmetrics: out.jsonl\n');
    project.commit('missing');
    const missing = await project.cli(['run']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /was not found \(exit code 127\)/);

    await project.write('repro.yml', 'command: sleep 30\nmetrics: out.jsonl\ntimeout-minutes: 0.01\n');
    project.commit('slow');
    const started = Date.now();
    const slow = await project.cli(['run']);
    assert.equal(slow.code, 2);
    assert.match(slow.stderr, /timed out after 0\.01 minutes \(timeout-minutes\)/);
    assert.match(slow.stderr, /It printed nothing before it was stopped/);
    assert.match(slow.stderr, /raise `timeout-minutes`/);
    assert.ok(Date.now() - started < 15_000, 'the group was stopped, not waited for');
  });
});

test('a cancelled training is exit 2 naming the cancel, with its last lines or the fact that it printed none', async () => {
  await withProject(async (project) => {
    for (const [command, output] of [
      ['echo loading shards; sleep 30', /Last lines of its output:\n  loading shards\n/],
      ['sleep 30', /It printed nothing before it was stopped\./],
    ] as const) {
      await project.write('repro.yml', `command: ${command}\nmetrics: out.jsonl\n`);
      project.commit(command);
      const cancel = new AbortController();
      let stderr = '';
      const started = Date.now();
      const running = runCli(['run'], {
        cwd: project.dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        signal: cancel.signal,
      });
      // Cancel once the command is running (its first output line on a line of its own — the
      // heading names the command too — or its group heading).
      while (!/── Training: /.test(stderr) || (command.startsWith('echo') && !/^loading shards$/m.test(stderr)))
        await new Promise((r) => setTimeout(r, 20));
      cancel.abort();
      assert.equal(await running, 2);
      assert.ok(Date.now() - started < 15_000, 'stopped, not waited for');
      assert.match(stderr, new RegExp(`The training command was cancelled: ${command}\n`));
      assert.match(stderr, output);
      assert.doesNotMatch(stderr, /Last lines of its output:\n(?! {2}\S)/, 'no empty "last lines" block');
      assert.match(stderr, /The job was cancelled/);
    }
  });
});

test('a metric file left over from an earlier run is refused, not read', async () => {
  await withProject(
    async (project) => {
      await writeFile(path.join(project.dir, 'out', 'metrics.jsonl'), '{"step": 1, "loss": 1}\n');
      const old = new Date(Date.now() - 3600_000);
      await utimes(path.join(project.dir, 'out', 'metrics.jsonl'), old, old);
      const result = await project.cli(['run']);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /out\/metrics\.jsonl: was last written at .*before this run started.*left over from an earlier run/,
      );
    },
    { 'repro.yml': 'command: "true"\nmetrics: out/metrics.jsonl\n', '.gitignore': 'out/\n', 'out/.keep': '' },
  );
});

test('bad settings are exit 2 with every problem named; a newer baseline is not overwritten', async () => {
  await withProject(async (project) => {
    await project.write('repro.yml', `${REPRO_YML}tolerence: { rtol: 1 }\nfail-on-drift: maybe\n`);
    project.commit('typos');
    const bad = await project.cli(['check']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /repro\.yml:5: unknown key "tolerence" \(did you mean "tolerance"\?\)/);
    assert.match(bad.stderr, /repro\.yml:6: fail-on-drift:/);

    await project.write('repro.yml', REPRO_YML);
    const future = JSON.stringify({ kind: 'repro-check/baseline', schemaVersion: 2, createdAt: 'x', runs: [] });
    await project.write('.repro/baseline.json', future);
    project.commit('future baseline');
    const refused = await project.cli(['baseline', 'update']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /baseline\.json.*written by a newer repro-check \(schemaVersion 2/);
    assert.equal(await readFile(path.join(project.dir, '.repro/baseline.json'), 'utf8'), future);
    const check = await project.cli(['check']);
    assert.equal(check.code, 2);
    assert.match(check.stderr, /schemaVersion 2 is newer than this repro-check understands/);

    const missingConfig = await project.cli(['check', '--config', 'nope.yml']);
    assert.equal(missingConfig.code, 2);
    assert.match(missingConfig.stderr, /--config nope\.yml: cannot read .*ENOENT/);
  });
});

test('outside a repository and on a detached HEAD', async () => {
  await withProject(async (project) => {
    const outside = await (await import('./project-fixture.ts')).createProject();
    await import('node:fs/promises').then((fs) =>
      fs.rm(path.join(outside.dir, '.git'), { recursive: true, force: true }),
    );
    const notRepo = await outside.cli(['check']);
    await outside.cleanup();
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.stderr, /is not inside a git repository/);

    git(project.dir, 'checkout', '-q', '--detach');
    const update = await project.cli(['baseline', 'update']);
    assert.equal(update.code, 2);
    assert.match(update.stderr, /HEAD is detached, and a baseline update needs a branch/);
    const run = await project.cli(['run', '-o', '../record-out.json']);
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(await readFile(path.join(project.dir, '../record-out.json'), 'utf8'));
    assert.equal(record.provenance.ref, null);
    await import('node:fs/promises').then((fs) => fs.rm(path.join(project.dir, '../record-out.json')));
  });
});
