/**
 * Text as it may leave a parser: every string a data source yields passes through here, so a broken
 * byte in one package name turns into a visible replacement character instead of sinking the report
 * (the wire schema refuses NUL) or the entry being dropped.
 */

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** C0 controls, DEL and C1 controls: none belongs in a name, version or path. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** Repairs one string: lone surrogates become U+FFFD, control characters become spaces. */
export function repairText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ');
}

/** Repairs every string inside a value made of plain objects and arrays, leaving other values as they are. */
export function repairDeep<T>(value: T): T {
  if (typeof value === 'string') return repairText(value) as T;
  if (Array.isArray(value)) return value.map((item) => repairDeep(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const repaired: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) repaired[key] = repairDeep(item);
    return repaired as T;
  }
  return value;
}

/**
 * Decodes bytes whose encoding a byte-order mark may announce: UTF-16LE (as Windows tools write),
 * UTF-16BE, or UTF-8 with or without a mark. Text without a mark that has NULs in every other byte
 * is taken as UTF-16LE too. Invalid sequences decode to U+FFFD rather than failing.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return stripBoms(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return stripBoms(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  if (looksLikeUtf16le(bytes)) return stripBoms(new TextDecoder('utf-16le').decode(bytes));
  return stripBoms(new TextDecoder('utf-8').decode(bytes));
}

/** Some tools write the mark twice (a file written by appending to one that had it); neither is text. */
function stripBoms(text: string): string {
  return text.replace(/^\uFEFF+/, '');
}

function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 4) return false;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  return oddNuls > sample / 4 && evenNuls < sample / 16;
}
