const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of an OCTET STRING: UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise (older agents
 * send their local code page, and Latin-1 keeps every byte visible). NULs, which agents pad with
 * and which storage refuses, are dropped; surrounding blanks are trimmed.
 */
export function decodeOctetText(bytes: Buffer): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = bytes.toString('latin1');
  }
  return text.replace(/\u0000/g, '').trim();
}

/** True when most bytes are printable, i.e. the string is text rather than a binary value. */
export function looksPrintable(bytes: Buffer): boolean {
  if (bytes.length === 0) return true;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d || b >= 0xa0) printable++;
  return printable / bytes.length > 0.9;
}

/** Cuts text to at most max UTF-16 units without splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
