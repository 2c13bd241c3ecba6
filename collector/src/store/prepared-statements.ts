import { createHash } from 'node:crypto';

/** Runs after which a statement is prepared on each connection that runs it. */
const HOT_AFTER = 3;
/** Distinct statement texts counted at most: texts built per request stop being counted past this. */
const MAX_TRACKED = 4_000;

/**
 * Names the statements a collector runs again and again (ingest, presence, the dashboard's lists)
 * so the PostgreSQL driver prepares each once per connection: parsing and planning are most of a
 * short statement's cost. A statement run only a few times (migrations, reports) stays unnamed
 * and is planned for its own parameters.
 */
export class StatementNames {
  private readonly runs = new Map<string, number>();

  /** The query config for one run: named once the text is hot. */
  config(text: string, values: unknown[]): { text: string; values: unknown[]; name?: string } {
    // Without parameters the driver sends the simple protocol, which allows several statements in one text.
    if (values.length === 0) return { text, values };
    const seen = this.runs.get(text);
    if (seen === undefined) {
      if (this.runs.size < MAX_TRACKED) this.runs.set(text, 1);
      return { text, values };
    }
    if (seen < HOT_AFTER) {
      this.runs.set(text, seen + 1);
      return { text, values };
    }
    return { text, values, name: `s${createHash('sha1').update(text).digest('base64url')}` };
  }
}
