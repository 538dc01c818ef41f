/**
 * Real webhook payloads from `@octokit/webhooks-examples` (GitHub's documented examples), and the
 * runner environment that goes with them, for tests of event handling and publishing.
 */
import { createRequire } from 'node:module';

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown>>;
}

const require = createRequire(import.meta.url);
const groups = require('@octokit/webhooks-examples/api.github.com/index.json') as ExampleGroup[];

/** A deep copy of the first example of event NAME (with `action` ACTION when given), safe to edit. */
export function webhookExample(name: string, action?: string): Record<string, any> {
  const group = groups.find((g) => g.name === name);
  const example = group?.examples.find((e) => action === undefined || e['action'] === action);
  if (!example) throw new Error(`no ${name}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`);
  return structuredClone(example);
}

/** The variables the runner sets for a job of EVENTNAME on PAYLOAD, as a plain map. */
export function runnerEnvironment(
  eventName: string,
  payload: Record<string, any>,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const pull = payload['pull_request'];
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: payload['repository'].full_name,
    // On pull_request the runner checks out a merge commit that is neither head nor base.
    GITHUB_SHA: pull
      ? 'feedfacefeedfacefeedfacefeedfacefeedface'
      : (payload['after'] ?? 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff'),
    GITHUB_REF: pull ? `refs/pull/${pull.number}/merge` : (payload['ref'] ?? 'refs/heads/main'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'repro',
    GITHUB_WORKFLOW: 'PR gate',
    GITHUB_ACTOR: payload['sender']?.login ?? 'octocat',
    ...overrides,
  };
}
