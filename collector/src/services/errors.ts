/** An error that maps to an HTTP answer with a stable code a client can test. */
export class ApiProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: string[],
    /** Extra response headers, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

/**
 * The last line for input the validation did not catch and the database refused: data
 * exceptions (SQLSTATE class 22: out-of-range numbers and dates, bad encodings) and integrity
 * violations are the client's to fix, so they get a 4xx with the database's reason, never a 500.
 */
export function problemOfDatabaseError(error: unknown): ApiProblem | undefined {
  const code = String((error as { code?: unknown })?.code ?? '');
  const reason = (error as Error)?.message ?? 'refused by the database';
  if (code.startsWith('22') || code === '54000') return new ApiProblem(400, 'invalid_value', `invalid value: ${reason}`);
  if (code === '23505') return new ApiProblem(409, 'conflict', `already exists: ${reason}`);
  if (code === '23503') return new ApiProblem(409, 'missing_reference', `refers to something that does not exist: ${reason}`);
  if (code === '23502' || code === '23514' || code === '23P01') return new ApiProblem(400, 'invalid_value', `invalid value: ${reason}`);
  return undefined;
}
