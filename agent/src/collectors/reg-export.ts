import { decodeText } from './text-repair.js';

/** A registry value as `reg export` writes it, decoded. */
export type RegValue =
  | { type: 'sz' | 'expand_sz'; value: string }
  | { type: 'multi_sz'; value: string[] }
  | { type: 'dword' | 'qword'; value: number }
  | { type: 'binary' | 'none'; value: Uint8Array };

export interface RegKey {
  /** Full path as written, e.g. HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{GUID}. */
  path: string;
  /** Values by lower-cased name (registry names are case-insensitive); "@" is the default value. */
  values: Map<string, RegValue>;
}

/**
 * Parses a `reg export` / regedit file: bytes in UTF-16LE with a mark (version 5 files) or ANSI
 * (REGEDIT4), CRLF lines, [key] headers, "name"=data lines whose hex data continues over lines
 * ending in a backslash. Deletion entries ([-key], "name"=-) are ignored.
 */
export function parseRegExport(input: Uint8Array | string): RegKey[] {
  const text = typeof input === 'string' ? input : decodeText(input);
  const ansi = /^\s*REGEDIT4/.test(text);
  const keys: RegKey[] = [];
  let current: RegKey | undefined;
  for (const line of logicalLines(text)) {
    if (line.startsWith('[')) {
      const path = line.slice(1, line.lastIndexOf(']'));
      current = path.startsWith('-') ? undefined : { path, values: new Map() };
      if (current) keys.push(current);
      continue;
    }
    if (!current || !(line.startsWith('"') || line.startsWith('@'))) continue;
    const parsed = parseValueLine(line, ansi);
    if (parsed) current.values.set(parsed.name.toLowerCase(), parsed.value);
  }
  return keys;
}

/** Joins hex data continued over several lines; a string value always ends in a quote, never a backslash. */
function* logicalLines(text: string): Generator<string> {
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? raw.trimStart() : raw;
    if (/=hex(\([0-9a-fA-F]+\))?:/.test(pending + line) && line.trimEnd().endsWith('\\')) {
      pending += line.trimEnd().slice(0, -1);
      continue;
    }
    yield pending + line;
    pending = '';
  }
  if (pending) yield pending;
}

function parseValueLine(line: string, ansi: boolean): { name: string; value: RegValue } | undefined {
  let name: string;
  let rest: string;
  if (line.startsWith('@=')) {
    name = '@';
    rest = line.slice(2);
  } else {
    const quoted = readQuoted(line, 0);
    if (!quoted || line[quoted.end] !== '=') return undefined;
    name = quoted.text;
    rest = line.slice(quoted.end + 1);
  }
  const value = parseData(rest.trim(), ansi);
  return value && { name, value };
}

/** A quoted string starting at `start`, with \\ and \" unescaped; `end` is the index after the closing quote. */
function readQuoted(line: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && (line[i + 1] === '\\' || line[i + 1] === '"')) {
      text += line[++i];
    } else if (c === '"') {
      return { text, end: i + 1 };
    } else {
      text += c;
    }
  }
  return undefined;
}

function parseData(data: string, ansi: boolean): RegValue | undefined {
  if (data.startsWith('"')) {
    const quoted = readQuoted(data, 0);
    return quoted && { type: 'sz', value: quoted.text };
  }
  if (data.startsWith('dword:')) return { type: 'dword', value: parseInt(data.slice(6), 16) >>> 0 };
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/.exec(data);
  if (!hex) return undefined;
  const bytes = Uint8Array.from(hex[2]!.split(',').map((b) => b.trim()).filter(Boolean).map((b) => parseInt(b, 16)));
  return hexValue(hex[1] === undefined ? 3 : parseInt(hex[1], 16), bytes, ansi);
}

/** hex(n): data typed by its registry type number: 1 REG_SZ, 2 REG_EXPAND_SZ, 4 DWORD, 7 MULTI_SZ, 11 QWORD... */
function hexValue(type: number, bytes: Uint8Array, ansi: boolean): RegValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 0: return { type: 'none', value: bytes };
    case 1: return { type: 'sz', value: registryString(bytes, ansi).split('\0')[0]! };
    case 2: return { type: 'expand_sz', value: registryString(bytes, ansi).split('\0')[0]! };
    case 4: return bytes.length >= 4 ? { type: 'dword', value: view.getUint32(0, true) } : { type: 'binary', value: bytes };
    case 5: return bytes.length >= 4 ? { type: 'dword', value: view.getUint32(0, false) } : { type: 'binary', value: bytes };
    case 7: return { type: 'multi_sz', value: registryString(bytes, ansi).split('\0').filter(Boolean) };
    case 11: return bytes.length >= 8 ? { type: 'qword', value: Number(view.getBigUint64(0, true)) } : { type: 'binary', value: bytes };
    default: return { type: 'binary', value: bytes };
  }
}

/** String data is UTF-16LE in version 5 files and in the ANSI code page (taken as Windows-1252) in REGEDIT4 ones. */
function registryString(bytes: Uint8Array, ansi: boolean): string {
  return new TextDecoder(ansi ? 'windows-1252' : 'utf-16le').decode(bytes);
}

/** A value as text: strings as they are, numbers in decimal; undefined for binary data and absent values. */
export function regText(key: RegKey, name: string): string | undefined {
  const value = key.values.get(name.toLowerCase());
  if (!value) return undefined;
  if (value.type === 'sz' || value.type === 'expand_sz') return value.value;
  if (value.type === 'dword' || value.type === 'qword') return String(value.value);
  if (value.type === 'multi_sz') return value.value.join('; ');
  return undefined;
}

/** A DWORD or QWORD value, or a string holding a decimal number (some installers write "1"). */
export function regNumber(key: RegKey, name: string): number | undefined {
  const value = key.values.get(name.toLowerCase());
  if (value?.type === 'dword' || value?.type === 'qword') return value.value;
  if ((value?.type === 'sz' || value?.type === 'expand_sz') && /^\s*\d+\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function regBinary(key: RegKey, name: string): Uint8Array | undefined {
  const value = key.values.get(name.toLowerCase());
  return value?.type === 'binary' || value?.type === 'none' ? value.value : undefined;
}

/** The last segment of a key's path. */
export function keyName(key: RegKey): string {
  return key.path.slice(key.path.lastIndexOf('\\') + 1);
}

/** The path of a key's parent. */
export function parentPath(key: RegKey): string {
  return key.path.slice(0, Math.max(0, key.path.lastIndexOf('\\')));
}
