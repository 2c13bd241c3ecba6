/** A value of an XML property list. */
export type PlistValue = string | number | boolean | Date | Uint8Array | PlistValue[] | { [key: string]: PlistValue };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!);
}

/**
 * Parses an XML property list (the form `system_profiler -xml` and `plutil -convert xml1` write):
 * dict, array, key, string, integer, real, date, data, true and false. Returns undefined for text
 * that is not one; binary plists are not handled here.
 */
export function parsePlistXml(xml: string): PlistValue | undefined {
  const tokens = xml.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[\s\S]*?>|<!--[\s\S]*?-->/g, '').match(/<[^>]+>|[^<]+/g) ?? [];
  let at = 0;
  const next = () => {
    while (at < tokens.length && !tokens[at]!.startsWith('<') && !tokens[at]!.trim()) at++;
    return tokens[at++];
  };
  const textUntil = (tag: string) => {
    let text = '';
    while (at < tokens.length && tokens[at] !== `</${tag}>`) text += tokens[at++];
    at++;
    return unescape(text);
  };
  const value = (open: string | undefined): PlistValue | undefined => {
    const tag = /^<(\w+)(?:\s[^>]*?)?\s*(\/?)>$/.exec(open ?? '');
    if (!tag) return undefined;
    const [, name, selfClosing] = tag;
    if (name === 'true' || name === 'false') return name === 'true';
    if (selfClosing) return name === 'array' ? [] : name === 'dict' ? {} : name === 'string' ? '' : undefined;
    switch (name) {
      case 'plist': { const inner = value(next()); next(); return inner; }
      case 'string': return textUntil('string');
      case 'integer': case 'real': return Number(textUntil(name));
      case 'date': return new Date(textUntil('date'));
      case 'data': return Uint8Array.from(Buffer.from(textUntil('data').replace(/\s+/g, ''), 'base64'));
      case 'array': {
        const items: PlistValue[] = [];
        for (let token = next(); token && token !== '</array>'; token = next()) {
          const item = value(token);
          if (item !== undefined) items.push(item);
        }
        return items;
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        for (let token = next(); token && token !== '</dict>'; token = next()) {
          if (token !== '<key>') continue;
          const key = textUntil('key');
          const item = value(next());
          if (item !== undefined) dict[key] = item;
        }
        return dict;
      }
      default: return undefined;
    }
  };
  return value(next());
}
