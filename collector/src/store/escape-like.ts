/** Text to match literally inside a LIKE pattern: its wildcards and the escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A case-insensitive LIKE pattern (match against lower(...)) for text containing `search` literally. */
export function likeContaining(search: string): string {
  return `%${escapeLike(search.toLowerCase())}%`;
}
