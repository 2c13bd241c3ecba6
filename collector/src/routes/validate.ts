import { MAX_SOFTWARE_ENTRIES, describeIssues, inventoryReport, softwareEntry, type InventoryReport, type SoftwareEntry } from '@steward/shared';
import type { z } from 'zod';
import { ApiProblem } from '../services/errors.js';
import { letOthersIn } from '../services/event-loop-turns.js';

/** Validates a request part against its shared schema, answering 400 with every offending field named. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw new ApiProblem(400, `invalid_${what}`, `invalid ${what}: ${issues.slice(0, 3).join('; ')}`, issues);
}

/** Software entries checked between two turns of the event loop. */
const ENTRIES_PER_TURN = 2000;

/**
 * Validates a full report as validate() does, with its software list checked a slice at a time:
 * a report of 100,000 entries lets other requests in while it is checked, and its errors name the
 * same fields (software.<index>.<field>).
 */
export async function validateReport(body: unknown): Promise<InventoryReport> {
  const software = (body as { software?: unknown } | null)?.software;
  if (!Array.isArray(software) || software.length <= ENTRIES_PER_TURN || software.length > MAX_SOFTWARE_ENTRIES) {
    return validate(inventoryReport, body, 'report');
  }
  const head = inventoryReport.safeParse({ ...(body as object), software: [] });
  const issues = head.success ? [] : describeIssues(head.error);
  const entries: SoftwareEntry[] = [];
  for (let start = 0; start < software.length && issues.length < 20; start += ENTRIES_PER_TURN) {
    if (start > 0) await letOthersIn();
    for (let i = start; i < Math.min(software.length, start + ENTRIES_PER_TURN); i++) {
      const entry = softwareEntry.safeParse(software[i]);
      if (entry.success) entries.push(entry.data);
      else issues.push(...entry.error.issues.map((issue) => `${['software', i, ...issue.path].map(String).join('.')}: ${issue.message}`));
    }
  }
  if (issues.length || !head.success) {
    const named = issues.slice(0, 20);
    throw new ApiProblem(400, 'invalid_report', `invalid report: ${named.slice(0, 3).join('; ')}`, named);
  }
  return { ...head.data, software: entries };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where text the database cannot store first appears in a value, with what is wrong with it. */
function unstorableText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return `${path}: must not contain NUL characters`;
    if (LONE_SURROGATE.test(value)) return `${path}: must not contain unpaired UTF-16 surrogates`;
    return undefined;
  }
  // Deeper than any request shape: the schema refuses such a value on its own.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const where = path ? `${path}.${key}` : key;
    const problem = unstorableText(key, where, depth + 1) ?? unstorableText(item, where, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Refuses text no column can hold (NUL, unpaired surrogates) anywhere in a request's path,
 * query or body, naming the field, before any route sees it: PostgreSQL would refuse it deep
 * inside a statement, or the driver would silently replace it.
 */
export function refuseUnstorableText(request: { params: unknown; query: unknown; body: unknown; bodyMayHoldUnstorable?: boolean }): void {
  // A JSON body whose text has no such escape is skipped: walking 100,000 report entries is slow.
  const body = request.bodyMayHoldUnstorable === false ? undefined : request.body;
  for (const [part, value] of [['path', request.params], ['query', request.query], ['body', body]] as const) {
    const problem = unstorableText(value, '');
    if (problem) throw new ApiProblem(400, `invalid_${part}`, `invalid ${part}: ${problem}`, [problem]);
  }
}
