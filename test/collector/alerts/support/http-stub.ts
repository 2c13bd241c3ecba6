import http from 'node:http';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: unknown;
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpStub {
  url: string;
  requests: StubRequest[];
  /** What the stub found wrong in requests (against what the vendor documents); tests expect none. */
  problems: string[];
  close(): Promise<void>;
}

/** A local HTTP server answering through `handle`, recording every request it got. */
export async function startHttpStub(handle: (req: StubRequest, stub: HttpStub) => StubAnswer): Promise<HttpStub> {
  const stub = { url: '', requests: [] as StubRequest[], problems: [] as string[], close: async () => undefined };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://stub');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const req: StubRequest = { method: request.method ?? '', path: url.pathname, query: url.searchParams, headers: request.headers, raw, body };
      stub.requests.push(req);
      let answer: StubAnswer;
      try {
        answer = handle(req, stub);
      } catch (error) {
        stub.problems.push(`${req.method} ${req.path}: ${(error as Error).message}`);
        answer = { status: 400, body: { error: (error as Error).message } };
      }
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      response.writeHead(answer.status, { ...(text ? { 'content-type': 'application/json' } : {}), ...answer.headers });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  stub.close = () => new Promise<undefined>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve(undefined));
  });
  return stub;
}

/** Throws (recorded as a problem, answered 400) unless the condition holds. */
export function check(condition: unknown, message: string): void {
  if (!condition) throw new Error(message);
}
