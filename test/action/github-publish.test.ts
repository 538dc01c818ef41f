/**
 * The one line a job's status and check title carry: a pure part of src/action/github-publish.ts.
 * (The identities it publishes under are the publish plan's: test/settings/plans.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeHeadline } from '../../src/action/github-publish.ts';
import type { Verdict, MetricComparison } from '../../src/compare/types.ts';
import type { ReportInput } from '../../src/report/markdown.ts';

function metric(name: string, status: MetricComparison['status'], firstDivergentStep: number | null): MetricComparison {
  const tolerance = { rtol: 1e-5, atol: 1e-8, exact: false, source: 'default' };
  return {
    name,
    status,
    kind: 'series',
    firstDivergentStep,
    firstOutOfToleranceStep: firstDivergentStep,
    maxAbsDiff: 1,
    maxRelDiff: 1,
    finalStep: 3,
    baselineValue: 1,
    currentValue: 2,
    missingSteps: [],
    missingStepCount: 0,
    extraSteps: [],
    extraStepCount: 0,
    becameNonFinite: null,
    renamedTo: null,
    tolerance,
  };
}

test('headline: drift counts and the step the curves part; accepted drift says so, by whom and through which label', () => {
  const verdict: Verdict = {
    status: 'drift',
    metrics: [metric('train.loss', 'drift', 40), metric('eval.loss', 'drift', 50), metric('lr', 'pass', null)],
    unusedToleranceGlobs: [],
    notes: [],
    stepKeys: { baseline: [], current: [] },
  };
  const report = (extra: Partial<ReportInput>) => ({ weightsDrift: null, acceptedBy: null, ...extra }) as ReportInput;
  assert.equal(
    outcomeHeadline({ outcome: 'drift', verdict, report: report({}) }, 'repro-check:accept-drift'),
    '2 of 3 metrics drifted from step 40',
  );
  const accepted = outcomeHeadline(
    { outcome: 'accepted', verdict, report: report({ acceptedBy: { login: 'mona', at: '2026-01-02T03:04:05Z' } }) },
    'repro-check:accept-drift',
  );
  assert.equal(accepted, 'Accepted by @mona (label repro-check:accept-drift): 2 of 3 metrics drifted from step 40');
  assert.ok(accepted!.length <= 140, 'fits a commit status description');
  // Only the final weights differ (exact tolerance): the headline says that, accepted or not.
  const weightsOnly: Verdict = { ...verdict, metrics: [metric('train.loss', 'pass', null)] };
  assert.equal(
    outcomeHeadline(
      { outcome: 'drift', verdict: weightsOnly, report: report({ weightsDrift: { differing: 3 } }) },
      'ok',
    ),
    'final weights differ in 3 tensors',
  );
  assert.equal(
    outcomeHeadline(
      {
        outcome: 'accepted',
        verdict: weightsOnly,
        report: report({ weightsDrift: { differing: 1 }, acceptedBy: { login: 'mona', at: 'x' } }),
      },
      'ok',
    ),
    'Accepted by @mona (label ok): final weights differ in 1 tensor',
  );
  // Pass and no-baseline keep the outcome's own line.
  assert.equal(outcomeHeadline({ outcome: 'pass', verdict: weightsOnly, report: report({}) }, 'ok'), null);
  assert.equal(outcomeHeadline({ outcome: 'no-baseline', verdict: null, report: report({}) }, 'ok'), null);
});
