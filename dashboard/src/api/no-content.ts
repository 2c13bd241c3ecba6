import type { AnswerSchema } from './api-client.js';

/** The answer of a DELETE: 204 and no body. */
export const noContent: AnswerSchema<null> = { parse: () => null };
