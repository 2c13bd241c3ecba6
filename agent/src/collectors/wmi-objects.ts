import { decodeText } from './text-repair.js';

/** One WMI instance: property values as wmic prints them; arrays as lists. Empty properties are absent. */
export type WmiObject = Record<string, string | string[]>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Parses `wmic path CLASS get /format:list`: UTF-16LE with a mark (sometimes two), instances as
 * blocks of Name=Value lines separated by blank lines. wmic builds that list through an XSL
 * stylesheet, which leaves XML entities (&amp;) in values; they are unescaped. Array values print as
 * {"a","b"} or {3,4}. Lines starting with # are comments some exports carry.
 */
export function parseWmicList(input: Uint8Array | string): WmiObject[] {
  const text = typeof input === 'string' ? input : decodeText(input);
  const objects: WmiObject[] = [];
  let current: WmiObject | undefined;
  for (const raw of text.split(/\r*\n/)) {
    const line = raw.replace(/\r/g, '');
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    if (line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    if (!current) objects.push((current = {}));
    const value = unescapeXml(line.slice(eq + 1));
    if (value === '') continue;
    current[line.slice(0, eq)] = /^\{.*\}$/.test(value) ? wmicArray(value) : value;
  }
  return objects.filter((o) => Object.keys(o).length > 0);
}

function unescapeXml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}

/** {"fr-FR","en-US"} or {3,4} as a list. */
function wmicArray(value: string): string[] {
  const inner = value.slice(1, -1).trim();
  if (!inner) return [];
  const quoted = inner.match(/"((?:[^"\\]|\\.)*)"/g);
  return quoted ? quoted.map((q) => q.slice(1, -1)) : inner.split(',').map((s) => s.trim());
}

/**
 * Parses PowerShell's `Get-CimInstance CLASS | Select-Object ... | ConvertTo-Json` (one object or a
 * list) into the same shape as wmic's: booleans as TRUE/FALSE, numbers in decimal, dates as WMI
 * datetimes (PowerShell 5 writes "\/Date(ms)\/", PowerShell 7 ISO strings, kept as they are),
 * nested objects (CimClass and the like) left out.
 */
export function parseCimJson(json: string): WmiObject[] {
  const parsed = safeJson(json);
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : [];
  return list.filter(isRecord).map(cimObject).filter((o) => Object.keys(o).length > 0);
}

/** A JSON object of class name → instances, as one PowerShell run querying several classes prints it. */
export function parseCimJsonByClass(json: string): Map<string, WmiObject[]> {
  const parsed = safeJson(json);
  const byClass = new Map<string, WmiObject[]>();
  if (!isRecord(parsed)) return byClass;
  for (const [name, value] of Object.entries(parsed)) {
    const list = Array.isArray(value) ? value : isRecord(value) ? [value] : [];
    byClass.set(name, list.filter(isRecord).map(cimObject).filter((o) => Object.keys(o).length > 0));
  }
  return byClass;
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json.replace(/^\uFEFF/, '').trim() || 'null');
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cimObject(source: Record<string, unknown>): WmiObject {
  const object: WmiObject = {};
  for (const [name, value] of Object.entries(source)) {
    if (Array.isArray(value)) {
      object[name] = value.map(cimScalar).filter((v): v is string => v !== undefined);
      continue;
    }
    const scalar = cimScalar(value);
    if (scalar !== undefined && scalar !== '') object[name] = scalar;
  }
  return object;
}

function cimScalar(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d+)?\)\/$/.exec(value)?.[1];
  return ms === undefined ? value : wmiDateTime(new Date(Number(ms)));
}

/** A date as WMI prints datetimes: yyyymmddHHMMSS.mmmmmm+UUU, here in UTC. */
function wmiDateTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}.000000+000`;
}

/** A property as one string (the first of a list). */
export function wmiText(object: WmiObject | undefined, name: string): string | undefined {
  const value = object?.[name];
  return Array.isArray(value) ? value[0] : value;
}

export function wmiList(object: WmiObject | undefined, name: string): string[] {
  const value = object?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function wmiNumber(object: WmiObject | undefined, name: string): number | undefined {
  const text = wmiText(object, name);
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function wmiBoolean(object: WmiObject | undefined, name: string): boolean | undefined {
  const text = wmiText(object, name)?.toUpperCase();
  return text === 'TRUE' ? true : text === 'FALSE' ? false : undefined;
}
