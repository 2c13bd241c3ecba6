/**
 * Reads the OBJECT IDENTIFIER assignments of SMI module texts (the form vendors publish their MIBs
 * in) and resolves them to numeric OIDs, so a product MIB's registrations ("catalyst2950t24
 * OBJECT IDENTIFIER ::= { ciscoProducts 359 }") become a table from sysObjectID to product name.
 */

/** One node a module assigns: its name, the node it hangs under and the arcs below that node. */
export interface MibAssignment {
  name: string;
  /** The first element of the value: a named node, or undefined where the value starts at the root. */
  parent?: string;
  arcs: number[];
  /** Registrations (OBJECT IDENTIFIER, OBJECT-IDENTITY) as against objects, groups and notifications. */
  registration: boolean;
}

export interface MibModule {
  name: string;
  /** The newest REVISION (or LAST-UPDATED) the module states, as written there. */
  revision?: string;
  assignments: MibAssignment[];
}

/** Nodes every module may name without importing them (RFC 2578 section 2, and RFC 1155's tree). */
const WELL_KNOWN: Record<string, string> = {
  ccitt: '0', iso: '1', 'joint-iso-ccitt': '2', org: '1.3', dod: '1.3.6', internet: '1.3.6.1', directory: '1.3.6.1.1',
  mgmt: '1.3.6.1.2', 'mib-2': '1.3.6.1.2.1', transmission: '1.3.6.1.2.1.10', experimental: '1.3.6.1.3', private: '1.3.6.1.4',
  enterprises: '1.3.6.1.4.1', security: '1.3.6.1.5', snmpV2: '1.3.6.1.6', snmpDomains: '1.3.6.1.6.1', snmpProxys: '1.3.6.1.6.2',
  snmpModules: '1.3.6.1.6.3',
};

const MACROS = 'OBJECT-IDENTITY|MODULE-IDENTITY|OBJECT-TYPE|NOTIFICATION-TYPE|OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE|AGENT-CAPABILITIES';
// A value name starts lower-case (ASN.1), which keeps IMPORTS lists and type assignments out. A macro's
// clauses run to its '::=' and never past a ';' (the end of an IMPORTS list).
const ASSIGNMENT = new RegExp(
  String.raw`(?<![\w-])([a-z][\w-]*)\s+(?:(OBJECT\s+IDENTIFIER)\s*|(${MACROS})\b(?:(?!::=)[^;])*?)::=\s*\{([^}]*)\}`, 'g');

/** The text with comments and quoted strings blanked, so neither can pass for an assignment. */
export function stripCommentsAndStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      out += ' ';
      i = end < 0 ? text.length : end + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      // An ASN.1 comment ends at the line's end or at the next '--'.
      let j = i + 2;
      while (j < text.length && text[j] !== '\n' && !(text[j] === '-' && text[j + 1] === '-')) j++;
      out += ' ';
      i = text[j] === '-' ? j + 2 : j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The modules a MIB file defines, each with its assignments in the order written. */
export function parseMibModules(text: string): MibModule[] {
  const revisions = [...text.matchAll(/\b(?:REVISION|LAST-UPDATED)\s+"(\d{10,12}Z)"/g)].map((m) => m[1]!);
  const clean = stripCommentsAndStrings(text);
  const starts = [...clean.matchAll(/([A-Za-z][\w-]*)\s+DEFINITIONS\s*(?:[A-Z ]+)?::=\s*BEGIN\b/g)];
  return starts.map((start, n) => {
    const body = clean.slice(start.index, starts[n + 1]?.index ?? clean.length);
    const assignments: MibAssignment[] = [];
    for (const m of body.matchAll(ASSIGNMENT)) {
      const value = parseOidValue(m[4]!);
      if (value) assignments.push({ name: m[1]!, ...value, registration: Boolean(m[2]) || m[3] === 'OBJECT-IDENTITY' });
    }
    return { name: start[1]!, revision: newestRevision(revisions), assignments };
  });
}

/** Revisions are "YYMMDDHHMMZ" (before 2000) or "YYYYMMDDHHMMZ": compared as full dates. */
function newestRevision(revisions: string[]): string | undefined {
  const full = (r: string) => (r.length === 11 ? `19${r}` : r);
  return revisions.reduce<string | undefined>((best, r) => (best === undefined || full(r) > full(best) ? r : best), undefined);
}

/** "{ ciscoProducts 359 }", "{ iso(1) org(3) dod(6) 1 }", "{ enterprises foundry(1991) 1 }". */
function parseOidValue(value: string): { parent?: string; arcs: number[] } | undefined {
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const arcs: number[] = [];
  let parent: string | undefined;
  for (const [i, token] of tokens.entries()) {
    const m = token.match(/^(?:([A-Za-z][\w-]*)(?:\((\d+)\))?|(\d+))$/);
    if (!m) return undefined;
    const number = m[2] ?? m[3];
    if (i === 0 && number === undefined) parent = m[1];
    else if (number !== undefined) arcs.push(Number(number));
    else return undefined;
  }
  return { parent, arcs };
}

/**
 * Numeric OIDs of every assignment in the modules given, names resolved within their own module
 * first and then across all modules (each imports what it names from the others).
 */
export function resolveOids(modules: MibModule[]): Map<MibAssignment, string> {
  const global = new Map<string, MibAssignment>();
  const scopeOf = new Map<MibAssignment, Map<string, MibAssignment>>();
  for (const module of modules) {
    const local = new Map<string, MibAssignment>();
    for (const a of module.assignments) {
      if (!local.has(a.name)) local.set(a.name, a);
      if (!global.has(a.name)) global.set(a.name, a);
      scopeOf.set(a, local);
    }
  }
  const resolved = new Map<MibAssignment, string>();
  const visiting = new Set<MibAssignment>();

  const resolve = (a: MibAssignment): string | undefined => {
    const known = resolved.get(a);
    if (known !== undefined || visiting.has(a)) return known;
    visiting.add(a);
    let base: string | undefined = '';
    if (a.parent !== undefined) {
      const node = scopeOf.get(a)?.get(a.parent) ?? global.get(a.parent);
      base = node && node !== a ? resolve(node) : WELL_KNOWN[a.parent];
    }
    visiting.delete(a);
    if (base === undefined) return undefined;
    const oid = [base, ...a.arcs].filter((part) => part !== '').join('.');
    resolved.set(a, oid);
    return oid;
  };

  for (const module of modules) for (const a of module.assignments) resolve(a);
  return resolved;
}

/** The modules a MIB text imports from ("IMPORTS ciscoProducts FROM CISCO-SMI;"). */
export function importedModules(text: string): string[] {
  const clean = stripCommentsAndStrings(text);
  return [...clean.matchAll(/\bIMPORTS\b([^;]*);/g)].flatMap((m) => [...m[1]!.matchAll(/\bFROM\s+([A-Za-z][\w-]*)/g)].map((f) => f[1]!));
}
