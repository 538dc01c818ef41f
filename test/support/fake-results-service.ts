/**
 * A loopback fake of the runner's artifact backend, for tests of the artifact upload through
 * `@actions/artifact` itself (its real client, not a recorder). Two services answer on one port:
 *
 * - the results service's Twirp API (`ACTIONS_RESULTS_URL`):
 *   `POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact` answers a signed
 *   upload URL on this server, `…/FinalizeArtifact` answers the artifact id; both check the bearer
 *   token and the backend ids it carries, as the real service does;
 * - blob storage at that signed URL, as Azure's Block Blob API: `PUT ?comp=block&blockid=…` stages
 *   a block, `PUT ?comp=blocklist` commits the listed blocks in order;
 * - for a later job of the same workflow run (`jobToken(id)`): `…/ListArtifacts` (filtered by
 *   `name_filter` / `id_filter`) lists the run's finalized artifacts, `…/GetSignedArtifactURL`
 *   answers a read URL, and `GET` on it serves the zip.
 *
 * ```ts
 * const results = await startFakeResultsService();
 * env.ACTIONS_RUNTIME_TOKEN = results.runtimeToken;  env.ACTIONS_RESULTS_URL = results.url;
 * ... upload ...
 * results.artifacts[0]  // { name, finalized, bytes (the committed zip), size, hash }
 * ```
 *
 * Wire facts (field names, the token's `scp` claim, the Block Blob calls) come from the
 * `@actions/artifact` sources and Azure's Blob REST reference; the code is ours.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const STORAGE_ACCOUNT = 'devstoreaccount1';

export interface FakeArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** Set by FinalizeArtifact: an artifact the client never finalized is not visible on GitHub. */
  finalized: boolean;
  /** The blob as committed by the block list (empty until then). */
  bytes: Buffer;
  /** What FinalizeArtifact reported: size as a decimal string, hash as `sha256:<hex>`. */
  size: string | null;
  hash: string | null;
}

export interface FakeResultsService {
  url: string;
  /** A JWT (unsigned: the client only decodes it) whose `scp` names this fake's backend ids. */
  runtimeToken: string;
  /** The runtime token of another job JOBID of the same workflow run (it sees the run's artifacts). */
  jobToken(jobId: string): string;
  artifacts: FakeArtifact[];
  /** Every request, `METHOD path?query`, for assertion messages. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeResultsService(
  ids = { run: 'run-backend-1', job: 'job-backend-1' },
): Promise<FakeResultsService> {
  const tokenOf = (job: string) => unsignedJwt({ scp: `Actions.GenericRead:x Actions.Results:${ids.run}:${job}` });
  const runtimeToken = tokenOf(ids.job);
  /** Bearer token -> the job it was given to. */
  const jobsByToken = new Map([[runtimeToken, ids.job]]);
  const artifacts: FakeArtifact[] = [];
  const requests: string[] = [];
  /** Staged blocks per blob path, by block id. */
  const staged = new Map<string, Map<string, Buffer>>();
  let origin = '';

  const twirp = (
    method: string,
    body: Record<string, unknown>,
    job: string,
  ): { status: number; body: Record<string, unknown> } => {
    if (body['workflow_run_backend_id'] !== ids.run)
      return { status: 403, body: { code: 'permission_denied', msg: 'backend ids do not match the token' } };
    const finalized = artifacts.filter((a) => a.finalized);
    if (method === 'ListArtifacts') {
      if (body['workflow_job_run_backend_id'] !== job)
        return { status: 403, body: { code: 'permission_denied', msg: 'backend ids do not match the token' } };
      const listed = finalized.filter(
        (a) =>
          (body['name_filter'] === undefined || a.name === body['name_filter']) &&
          (body['id_filter'] === undefined || String(a.id) === String(body['id_filter'])),
      );
      const json = (a: FakeArtifact) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.bytes.length),
        created_at: '2026-01-01T00:00:00Z',
      });
      return { status: 200, body: { artifacts: listed.map(json) } };
    }
    if (method === 'GetSignedArtifactURL') {
      // Any job of the run may read any of its artifacts: the ids name the uploading job.
      const artifact = finalized.find(
        (a) => a.name === body['name'] && a.workflowJobRunBackendId === body['workflow_job_run_backend_id'],
      );
      if (!artifact) return { status: 404, body: { code: 'not_found', msg: `no artifact ${String(body['name'])}` } };
      return {
        status: 200,
        body: {
          signed_url: `${origin}/${STORAGE_ACCOUNT}/actions-results/${artifact.id}/${encodeURIComponent(artifact.name)}.zip?sig=fake-signature&sp=r`,
        },
      };
    }
    if (body['workflow_job_run_backend_id'] !== job)
      return { status: 403, body: { code: 'permission_denied', msg: 'backend ids do not match the token' } };
    const name = body['name'];
    if (typeof name !== 'string' || name === '')
      return { status: 400, body: { code: 'invalid_argument', msg: 'name is required' } };
    if (method === 'CreateArtifact') {
      if (artifacts.some((a) => a.name === name && a.finalized))
        return { status: 409, body: { code: 'already_exists', msg: `an artifact named ${name} already exists` } };
      const artifact: FakeArtifact = {
        id: artifacts.length + 1,
        name,
        workflowRunBackendId: ids.run,
        workflowJobRunBackendId: job,
        finalized: false,
        bytes: Buffer.alloc(0),
        size: null,
        hash: null,
      };
      artifacts.push(artifact);
      return {
        status: 200,
        body: {
          ok: true,
          signed_upload_url: `${origin}/${STORAGE_ACCOUNT}/actions-results/${artifact.id}/${encodeURIComponent(name)}.zip?sig=fake-signature&sp=cw`,
        },
      };
    }
    if (method === 'FinalizeArtifact') {
      const artifact = artifacts.find((a) => a.name === name && !a.finalized);
      if (!artifact) return { status: 404, body: { code: 'not_found', msg: `no artifact ${name} being uploaded` } };
      artifact.finalized = true;
      artifact.size = typeof body['size'] === 'string' ? body['size'] : null;
      artifact.hash = typeof body['hash'] === 'string' ? body['hash'] : null;
      return { status: 200, body: { ok: true, artifact_id: String(artifact.id) } };
    }
    return { status: 404, body: { code: 'bad_route', msg: `no method ${method}` } };
  };

  const blob = (method: string, url: URL, data: Buffer): number => {
    if (method !== 'PUT' || url.searchParams.get('sig') !== 'fake-signature' || url.searchParams.get('sp') !== 'cw')
      return 403;
    const blobPath = url.pathname;
    const id = Number(blobPath.split('/')[3]);
    const artifact = artifacts.find((a) => a.id === id);
    if (!artifact) return 404;
    const blocks = staged.get(blobPath) ?? new Map<string, Buffer>();
    staged.set(blobPath, blocks);
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return 400;
      blocks.set(blockId, data);
      return 201;
    }
    if (comp === 'blocklist') {
      const listed = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
        (m) => m[1]!,
      );
      if (listed.some((blockId) => !blocks.has(blockId))) return 400;
      artifact.bytes = Buffer.concat(listed.map((blockId) => blocks.get(blockId)!));
      return 201;
    }
    if (comp === null && url.searchParams.size === 2) {
      artifact.bytes = data; // a single-shot Put Blob
      return 201;
    }
    return 400;
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', origin);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      const data = Buffer.concat(chunks);
      if (url.pathname.startsWith(TWIRP_PREFIX)) {
        let answer: { status: number; body: Record<string, unknown> };
        if (request.method !== 'POST') answer = { status: 405, body: { code: 'bad_route', msg: 'POST only' } };
        else if (!jobsByToken.has(request.headers.authorization?.replace(/^Bearer /, '') ?? ''))
          answer = { status: 401, body: { code: 'unauthenticated', msg: 'bad token' } };
        else {
          try {
            const job = jobsByToken.get(request.headers.authorization!.replace(/^Bearer /, ''))!;
            answer = twirp(
              url.pathname.slice(TWIRP_PREFIX.length),
              JSON.parse(data.toString('utf8')) as Record<string, unknown>,
              job,
            );
          } catch {
            answer = { status: 400, body: { code: 'malformed', msg: 'body is not JSON' } };
          }
        }
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        return;
      }
      if (
        request.method === 'GET' &&
        url.searchParams.get('sig') === 'fake-signature' &&
        url.searchParams.get('sp') === 'r'
      ) {
        const artifact = artifacts.find((a) => a.finalized && a.id === Number(url.pathname.split('/')[3]));
        if (artifact)
          response
            .writeHead(200, { 'content-type': 'application/zip', 'content-length': String(artifact.bytes.length) })
            .end(artifact.bytes);
        else response.writeHead(404).end();
        return;
      }
      const status = blob(request.method ?? '', url, data);
      response
        .writeHead(status, {
          'x-ms-request-id': `req-${requests.length}`,
          'x-ms-version': '2025-01-05',
          etag: `"0x${requests.length}"`,
          'last-modified': new Date().toUTCString(),
        })
        .end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    runtimeToken,
    jobToken(jobId) {
      const token = tokenOf(jobId);
      jobsByToken.set(token, jobId);
      return token;
    },
    artifacts,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
