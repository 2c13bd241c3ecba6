import { runCommandBytes } from './run-command.js';
import { onPath } from './executable-path.js';
import { runPowerShell, psQuote } from './powershell.js';
import { parseCimJsonByClass, parseWmicList, type WmiObject } from './wmi-objects.js';

export interface WmiQuery {
  className: string;
  namespace?: string;
  properties: string[];
}

/**
 * Reads WMI classes. wmic answers fastest where Windows still has it (it is gone from recent
 * Windows 11 installs); without it, or for a class it fails on, one PowerShell run reads the rest
 * through Get-CimInstance. A class that cannot be read is simply absent from the result.
 */
export async function queryWmi(queries: WmiQuery[]): Promise<Map<string, WmiObject[]>> {
  const now = Date.now();
  const stale = queries.filter((q) => (recent.get(queryKey(q))?.at ?? -Infinity) < now - REUSE_MS);
  if (stale.length) {
    const run = runQueries(stale);
    for (const q of stale) recent.set(queryKey(q), { at: now, answer: run.then((m) => m.get(q.className)) });
  }
  const results = new Map<string, WmiObject[]>();
  for (const q of queries) {
    const answer = await recent.get(queryKey(q))!.answer;
    if (answer) results.set(q.className, answer);
  }
  return results;
}

/**
 * Answers reused within one collection: the OS and software collectors both read
 * SoftwareLicensingProduct, whose query takes seconds, and they run at the same time.
 */
const REUSE_MS = 60_000;
const recent = new Map<string, { at: number; answer: Promise<WmiObject[] | undefined> }>();

function queryKey(q: WmiQuery): string {
  return `${q.namespace ?? 'root/cimv2'}:${q.className}:${q.properties.join(',')}`;
}

async function runQueries(queries: WmiQuery[]): Promise<Map<string, WmiObject[]>> {
  const results = new Map<string, WmiObject[]>();
  if (onPath('wmic')) {
    const answers = await Promise.all(queries.map(queryWmic));
    queries.forEach((q, i) => {
      if (answers[i]) results.set(q.className, answers[i]!);
    });
  }
  const rest = queries.filter((q) => !results.has(q.className));
  if (rest.length) for (const [name, objects] of await queryCim(rest)) results.set(name, objects);
  return results;
}

async function queryWmic(query: WmiQuery): Promise<WmiObject[] | undefined> {
  const namespace = `/namespace:\\\\${(query.namespace ?? 'root/cimv2').replace(/\//g, '\\')}`;
  const output = await runCommandBytes('wmic', [namespace, 'path', query.className, 'get', query.properties.join(','), '/format:list'], { timeoutMs: 30_000 });
  return output === null ? undefined : parseWmicList(output);
}

/** The script for one PowerShell run that prints every class asked for, as a JSON object keyed by class. */
export function cimScript(queries: WmiQuery[]): string {
  const lines = queries.map((q) => `$r[${psQuote(q.className)}] = @(Get-CimInstance -Namespace ${psQuote(q.namespace ?? 'root/cimv2')} -ClassName ${psQuote(q.className)} -ErrorAction SilentlyContinue | Select-Object -Property ${q.properties.map(psQuote).join(',')})`);
  return ['$r = [ordered]@{}', ...lines, '$r | ConvertTo-Json -Depth 3 -Compress'].join('\n');
}

async function queryCim(queries: WmiQuery[]): Promise<Map<string, WmiObject[]>> {
  const output = await runPowerShell(cimScript(queries));
  return output === null ? new Map() : parseCimJsonByClass(output);
}
