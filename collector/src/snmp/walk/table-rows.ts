import type { Varbind } from 'net-snmp';
import { suffixAfter } from './oid-order.js';
import type { WalkOutcome } from './walk-columns.js';

/** A conceptual table as walked: index (the OID arcs after the column) → column number → varbind. */
export type TableRows = Map<string, Map<number, Varbind>>;

/** A table of a MIB: its entry OID and the columns a reader needs. */
export interface TableSpec {
  name: string;
  entry: string;
  columns: readonly number[];
}

export function columnRoots(spec: TableSpec): string[] {
  return spec.columns.map((c) => `${spec.entry}.${c}`);
}

/** Regroups the column walks of a table into rows, in the order the agent listed them. */
export function tableRows(spec: TableSpec, outcome: WalkOutcome | undefined): TableRows {
  const rows: TableRows = new Map();
  if (!outcome) return rows;
  for (const column of spec.columns) {
    const root = `${spec.entry}.${column}`;
    for (const vb of outcome.columns.get(root) ?? []) {
      const index = suffixAfter(root, vb.oid);
      let row = rows.get(index);
      if (!row) rows.set(index, (row = new Map()));
      row.set(column, vb);
    }
  }
  return rows;
}

/** Table indexes are arcs; most tables are indexed by one integer. */
export function indexArcs(index: string): number[] {
  return index.split('.').map(Number);
}

export function singleIndex(index: string): number | undefined {
  const n = Number(index);
  return Number.isInteger(n) && n >= 0 && !index.includes('.') ? n : undefined;
}
