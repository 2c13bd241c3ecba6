import { apiError } from '@steward/shared';
import { takePrefetched } from './prefetch.js';
import { queryString, type QueryValue } from './query-string.js';

export { queryString, type QueryValue };

/** Anything with a zod-like `parse`: keeps this module free of a direct zod dependency. */
export interface AnswerSchema<T> {
  parse(data: unknown): T;
}


export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
}

/** A file the collector sent, with the name its content-disposition gave it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** A failed API call, with the collector's error code when it gave one. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface ApiClientOptions {
  /** Prefix of every path; empty for the collector that served the page. */
  baseUrl?: string;
  token: () => string | null;
  /** Called once per 401 answer so the app can return to the sign-in screen. */
  onUnauthorized: () => void;
}

/** Talks to the collector's HTTP API, checks every answer against its shared schema. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  async request<T>(schema: AnswerSchema<T>, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options);
    const body = await readJson(response);
    if (!response.ok) throw failureFrom(response.status, body);
    try {
      return schema.parse(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiFailure(response.status, 'unexpected-answer', `The collector's answer to ${path} was not understood: ${detail}`);
    }
  }

  /** Fetches a file (a report) with the session's token, which a plain link could not carry. */
  async download(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    const response = await this.send(path, { accept: '*/*', ...options });
    if (!response.ok) throw failureFrom(response.status, await readJson(response));
    const blob = await response.blob();
    return { blob, filename: filenameFrom(response.headers.get('content-disposition')) ?? path.split('/').pop() ?? 'download' };
  }

  private async send(path: string, { method = 'GET', query, body, signal, accept = 'application/json' }: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = `${this.options.baseUrl ?? ''}${path}${queryString(query)}`;
    let response: Response;
    try {
      const early = method === 'GET' && accept === 'application/json' && token ? takePrefetched(url, token) : undefined;
      response = (early && await early) || await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiFailure(0, 'unreachable', 'The collector cannot be reached. Check the network and try again.');
    }
    if (response.status === 401 && token) this.options.onUnauthorized();
    return response;
  }
}


function filenameFrom(disposition: string | null): string | undefined {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1];
}

async function readJson(response: Response): Promise<unknown> {
  const textBody = await response.text();
  if (!textBody) return null;
  try {
    return JSON.parse(textBody);
  } catch {
    return textBody;
  }
}

function failureFrom(status: number, body: unknown): ApiFailure {
  const parsed = apiError.safeParse(body);
  if (parsed.success) return new ApiFailure(status, parsed.data.error, parsed.data.message, parsed.data.issues);
  return new ApiFailure(status, `http-${status}`, `The collector answered ${status}.`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
