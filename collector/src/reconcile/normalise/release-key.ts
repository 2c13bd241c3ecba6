/**
 * A text key that sorts releases in their real order: by the product's own list when it has one
 * (XP < Vista < 7), else naturally, numbers by value (9 < 10, 2008 < 2008 R2 < 2012).
 * Listed releases sort below unlisted ones, which are taken to be newer than the list.
 */
export function releaseKey(release: string | null | undefined, ordered?: readonly string[] | null): string | null {
  if (!release) return null;
  const wanted = release.trim().toLowerCase();
  const index = ordered?.findIndex((r) => r.toLowerCase() === wanted) ?? -1;
  if (index >= 0) return `L${String(index).padStart(4, '0')}`;
  return `N${naturalKey(wanted)}`;
}

function naturalKey(text: string): string {
  return text.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(10, '0'));
}
