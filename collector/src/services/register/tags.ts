import { registerSettings, type RegisterSettings } from '@steward/shared';
import type { Queryable } from '../../store/database.js';
import { findTakenTags } from '../../store/register/assets.js';
import { readRegisterSettings } from '../../store/register/settings.js';
import { reserveTagNumbers } from '../../store/register/tag-counters.js';

export const DEFAULT_TAG_PATTERN = 'STW-{seq:6}';
const SEQ = /\{seq(?::(\d{1,2}))?\}/;

export async function currentRegisterSettings(db: Queryable): Promise<RegisterSettings> {
  const stored = await readRegisterSettings<RegisterSettings>(db);
  const parsed = registerSettings.safeParse({ tagPattern: DEFAULT_TAG_PATTERN, ...stored });
  return parsed.success ? parsed.data : { tagPattern: DEFAULT_TAG_PATTERN };
}

/** The pattern with its date parts filled in: each distinct result numbers on its own counter. */
export function tagPrefix(pattern: string, on: Date): string {
  return pattern.replace(/\{yyyy\}/g, String(on.getUTCFullYear())).replace(/\{yy\}/g, String(on.getUTCFullYear()).slice(-2));
}

export function formatTag(prefix: string, n: number): string {
  return prefix.replace(SEQ, (_, width?: string) => String(n).padStart(Number(width ?? 1), '0'));
}

/**
 * Numbers `count` new asset tags from the register's pattern. Numbers already taken by hand-entered
 * tags are skipped, so the result is always free; call it inside the transaction that inserts.
 */
export async function allocateTags(db: Queryable, count: number, on = new Date()): Promise<string[]> {
  if (count === 0) return [];
  const prefix = tagPrefix((await currentRegisterSettings(db)).tagPattern, on);
  const tags: string[] = [];
  let wanted = count;
  while (wanted > 0) {
    const first = await reserveTagNumbers(db, prefix, wanted);
    const candidates = Array.from({ length: wanted }, (_, i) => formatTag(prefix, first + i));
    const taken = await findTakenTags(db, candidates);
    tags.push(...candidates.filter((t) => !taken.has(t.toLowerCase())));
    wanted = count - tags.length;
  }
  return tags;
}
