const KEY_CHARS = 'BCDFGHJKMPQRTVWXY2346789';

/** Where the 15 key bytes sit in a DigitalProductId: Windows and Office XP-2007 use 52, Office 2010 and later 808. */
export const WINDOWS_KEY_OFFSET = 52;
export const OFFICE_KEY_OFFSET = 0x328;

/**
 * Decodes the product key that a DigitalProductId value holds: 15 bytes read as a base-24 number in
 * the alphabet above. Keys of Windows 8 / Office 2013 and later carry a flag in the top byte and an
 * "N" at the position the last digit names, so `withN` must say which scheme the product uses:
 * old keys may set the same bit by chance.
 */
export function decodeProductKey(digitalProductId: Uint8Array, offset: number, withN: boolean): string | undefined {
  if (digitalProductId.length < offset + 15) return undefined;
  const key = Array.from(digitalProductId.subarray(offset, offset + 15));
  const flagged = withN && ((Math.floor(key[14]! / 6)) & 1) === 1;
  if (withN) key[14] = key[14]! & 0xf7;
  let chars = '';
  let last = 0;
  for (let i = 0; i < 25; i++) {
    let current = 0;
    for (let j = 14; j >= 0; j--) {
      current = current * 256 + key[j]!;
      key[j] = Math.floor(current / 24);
      current %= 24;
    }
    chars = KEY_CHARS[current]! + chars;
    last = current;
  }
  if (flagged) {
    const rest = chars.slice(1);
    chars = `${rest.slice(0, last)}N${rest.slice(last)}`;
  }
  if (/^B{25}$/.test(chars)) return undefined;
  return chars.match(/.{5}/g)!.join('-');
}
