/**
 * A loopback git smart-HTTP server for tests of pushes that authenticate as GitHub's does: git's
 * own `git http-backend` (CGI) serves the bare repositories under a folder, behind a check of the
 * `Authorization` header — Basic `x-access-token:<token>`, what a token in `http.extraheader`
 * sends. A request without it answers 401, as GitHub does, so a push that lands proved its
 * credentials reached git.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHttpServer {
  /** e.g. `http://127.0.0.1:41234`; a repository `<root>/origin.git` is at `${url}/origin.git`. */
  url: string;
  /** The Authorization header of every request, in order (undefined when there was none). */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

export async function startGitHttpServer(
  projectRoot: string,
  token: string,
  env: NodeJS.ProcessEnv,
): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const authorizations: Array<string | undefined> = [];
  const server = http.createServer((req, res) => {
    const authorization = req.headers.authorization;
    authorizations.push(authorization);
    // git writes the scheme as `basic`; HTTP says schemes are case-insensitive.
    if (authorization === undefined || authorization.replace(/^basic /i, 'Basic ') !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const backend = spawn('git', ['http-backend'], {
      env: {
        ...env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        // http-backend refuses receive-pack (a push) to an anonymous user.
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    req.pipe(backend.stdin);
    const chunks: Buffer[] = [];
    backend.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    backend.on('close', () => {
      // CGI: header lines, a blank line, then the body.
      const output = Buffer.concat(chunks);
      const split = output.indexOf('\r\n\r\n') >= 0 ? output.indexOf('\r\n\r\n') : output.indexOf('\n\n');
      const separator = output.indexOf('\r\n\r\n') >= 0 ? 4 : 2;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of output.subarray(0, split).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.end(output.subarray(split + separator));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
