/**
 * Fills a rule's edition/release/product template from what the rule matched and the install's
 * version: `$1`, `$<name>`, `{version}`, `{versionMajor}`, `{versionMajorMinor}`.
 * Groups that did not take part give empty text.
 */
export function fillTemplate(template: string, match: RegExpMatchArray | null, version: string | undefined): string {
  const parts = (version ?? '').split(/[.\-_ +~:]/).filter(Boolean);
  return template
    .replace(/\$<([A-Za-z_][A-Za-z0-9_]*)>/g, (_, name: string) => match?.groups?.[name] ?? '')
    .replace(/\$(\d)/g, (_, n: string) => match?.[Number(n)] ?? '')
    .replace(/\{version\}/g, version ?? '')
    .replace(/\{versionMajor\}/g, parts[0] ?? '')
    .replace(/\{versionMajorMinor\}/g, parts.slice(0, 2).join('.'))
    .trim();
}

/** Looks a value up in a rule's map, ignoring case; the value itself when unmapped. */
export function mapped(value: string, map: Record<string, string> | undefined): string {
  if (!map || !value) return value;
  const wanted = value.toLowerCase();
  for (const [from, to] of Object.entries(map)) if (from.toLowerCase() === wanted) return to;
  return value;
}
