import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputFileError } from '../../src/errors.ts';
import {
  decodePublishedVerdict,
  encodePublishedVerdict,
  type PublishedVerdict,
} from '../../src/github/published-verdict.ts';

const VERDICT: PublishedVerdict = {
  outcome: 'drift',
  failOnDrift: true,
  commentBody: '## drift',
  summary: '## drift',
  headline: '1 of 2 metrics drifted from step 2',
  annotations: [
    {
      path: 'repro.yml',
      startLine: 3,
      endLine: 3,
      level: 'failure',
      title: 'train.loss drifted',
      message: '|diff| 1e-3',
    },
  ],
};

test('a verdict survives the artifact: encode then decode gives it back, headline or not', () => {
  assert.deepEqual(decodePublishedVerdict(encodePublishedVerdict(VERDICT), 'v.json'), VERDICT);
  const { headline: _headline, ...withoutHeadline } = VERDICT;
  assert.deepEqual(decodePublishedVerdict(encodePublishedVerdict(withoutHeadline), 'v.json'), withoutHeadline);
});

test('a file that is not a verdict is refused naming the file and each field; no routing field is accepted from it', () => {
  const refuse = (text: string) =>
    assert.throws(() => decodePublishedVerdict(text, 'repro-check-pr/published-verdict.json'), InputFileError);
  refuse('{');
  const good = JSON.parse(encodePublishedVerdict(VERDICT));
  for (const bad of [
    { ...good, outcome: 'passed' },
    { ...good, schemaVersion: 2 },
    { ...good, annotations: [{ ...good.annotations[0], startLine: 0 }] },
    // Where to publish comes from the publish job's own event and settings, never from the artifact.
    { ...good, headSha: 'f'.repeat(40) },
    { ...good, checkName: 'another-required-check' },
  ]) {
    refuse(JSON.stringify(bad));
  }
  assert.throws(
    () =>
      decodePublishedVerdict(
        JSON.stringify({ ...good, outcome: 'passed', failOnDrift: 'yes' }),
        'art/published-verdict.json',
      ),
    /^InputFileError: art\/published-verdict\.json: is not a repro-check verdict of schemaVersion 1:\n {2}outcome: .*\n {2}failOnDrift: /,
  );
});
