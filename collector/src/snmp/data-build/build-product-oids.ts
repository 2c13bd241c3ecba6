/**
 * Regenerates collector/data/snmp/product-oids.json, the product each sysObjectID names, from the
 * vendors' product MIBs as collected by netdisco-mibs (https://github.com/netdisco/netdisco-mibs).
 * Run after updating a checkout of that collection:
 *   node --import tsx collector/src/snmp/data-build/build-product-oids.ts /path/to/netdisco-mibs
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importedModules, parseMibModules, resolveOids, type MibAssignment, type MibModule } from './parse-mib-oids.js';

export const DATA_DIR = fileURLToPath(new URL('../../../data/snmp/', import.meta.url));

/**
 * A MIB that registers products, as a path within the collection; 'under' names the nodes its product
 * registrations hang below where the module registers other things too.
 */
export interface ProductMib { file: string; under?: string[] }

/** Earlier ones win where two name the same OID. */
export const PRODUCT_MIBS: ProductMib[] = [
  { file: 'cisco/CISCO-PRODUCTS-MIB.my' },
  { file: 'juniper/mib-jnx-chas-defines.txt', under: ['jnxProductName'] },
  { file: 'hp/hpicfoid.mib', under: ['netElement'] },
  { file: 'hp/gbe2c-l2l3.mib' },
  { file: 'hp/hpnicfProductId.mib' },
  { file: 'h3c/hh3c-product-id.mib' },
  { file: 'foundry/FOUNDRY-SN-ROOT-MIB.mib', under: ['registration'] },
  { file: 'foundry/BROCADE-PRODUCTS-MIB' },
  { file: 'foundry/NOS-PRODUCTS-MIB' },
  { file: 'extreme/extreme-base.mib', under: ['extremeProduct'] },
  { file: 'force10/f10-products.mib' },
  { file: 'dell/DELLEMC-OS10-PRODUCTS-MIB.mib' },
  { file: 'arista/ARISTA-PRODUCTS-MIB.txt' },
  { file: 'opengear/og-products-mib.mib' },
  { file: 'mimosa/MIMOSA-MIB.txt', under: ['mimosaHardware'] },
  { file: 'netscreen/NETSCREEN-PRODUCTS-MIB.mib' },
  { file: 'ruckus/RUCKUS-PRODUCTS-MIB.txt' },
  { file: 'tplink/tplink-products.mib' },
  { file: 'watchguard/WATCHGUARD-PRODUCTS-MIB.txt' },
  { file: 'ciena/WWP-PRODUCTS-MIB.my' },
  { file: 'rittal/RITTAL-CMC-III-PRODUCTS-MIB.txt' },
  { file: 'lenovo/Lenovo-Products-MIB.mib' },
  { file: 'silver-peak/SILVERPEAK-PRODUCTS-MIB.mib' },
  { file: 'vmware/vmware-products-mib.mib' },
  { file: 'packetfront/PACKETFRONT-PRODUCTS-MIB.mib' },
  { file: 'fortinet/fortinet-fortigate-mib.mib', under: ['fgModel'] },
  { file: 'fortinet/fortinet-fortimanager-fortianalyzer-mib.mib', under: ['fmModel', 'faModel'] },
  { file: 'fortinet/fortinet-fortiswitch-mib.mib', under: ['fsModel'] },
  { file: 'fortinet/fortinet-fortiauthenticator-mib.mib', under: ['facModel'] },
  { file: 'paloalto/PAN-PRODUCT-MIB.my' },
  { file: 'allied/at-product.mib' },
];

/** A MIB file as read from the collection: its path there and its text. */
export interface MibText { file: string; text: string }
export type ProductMibText = MibText & Pick<ProductMib, 'under'>;

/**
 * The table: each product registration that resolves below enterprises and has nothing registered
 * beneath it (a sysObjectID names a product, never a branch of them). `supporting` are the modules
 * the product MIBs import their roots from.
 */
export function buildProductTable(products: ProductMibText[], supporting: MibText[], collection: string): { source: string; names: Record<string, string> } {
  const parsed = new Map<string, MibModule[]>();
  for (const mib of [...products, ...supporting]) parsed.set(mib.file, parseMibModules(mib.text));
  const oids = resolveOids([...parsed.values()].flat());
  const branches = new Set<string>();
  for (const oid of oids.values()) for (let at = oid.lastIndexOf('.'); at > 0; at = oid.lastIndexOf('.', at - 1)) branches.add(oid.slice(0, at));

  const names: Record<string, string> = {};
  const described: string[] = [];
  for (const { file, under } of products) {
    const modules = parsed.get(file) ?? [];
    const assignments = modules.flatMap((m) => m.assignments);
    const roots = (under ?? []).map((name) => oidOf(assignments, name, oids) ?? missing(file, name));
    if (roots.length === 0) roots.push('1.3.6.1.4.1');
    for (const a of assignments) {
      const oid = oids.get(a);
      if (!a.registration || oid === undefined || !roots.some((root) => oid.startsWith(`${root}.`)) || branches.has(oid)) continue;
      names[oid] ??= a.name;
    }
    described.push(...modules.map((m) => (m.revision ? `${m.name} ${m.revision}` : m.name)));
  }
  return { source: `${collection}: ${described.join(', ')}`, names: sortedByOid(names) };
}

function missing(file: string, name: string): never {
  throw new Error(`${file}: no node named ${name}`);
}

function oidOf(assignments: MibAssignment[], name: string, oids: Map<MibAssignment, string>): string | undefined {
  const node = assignments.find((a) => a.name === name);
  return node && oids.get(node);
}

/** Numeric order keeps the committed file's diffs readable when the collection is updated. */
function sortedByOid(names: Record<string, string>): Record<string, string> {
  const arcs = (oid: string) => oid.split('.').map(Number);
  const order = (a: string, b: string) => {
    const [x, y] = [arcs(a), arcs(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  return Object.fromEntries(Object.keys(names).sort(order).map((oid) => [oid, names[oid]!]));
}

/**
 * The product MIBs' texts and those of the modules they import from, found by module name among the
 * files of the folders the product MIBs sit in (a vendor's SMI module lives beside its products).
 */
export function readCollection(dir: string): { products: ProductMibText[]; supporting: MibText[]; collection: string } {
  const read = (file: string): MibText => ({ file, text: readFileSync(join(dir, file), 'latin1') });
  const products = PRODUCT_MIBS.map((p) => ({ ...read(p.file), under: p.under }));
  const byModule = new Map<string, string>();
  for (const folder of new Set(PRODUCT_MIBS.map((p) => p.file.split('/')[0]!))) {
    for (const name of readdirSync(join(dir, folder))) {
      const file = `${folder}/${name}`;
      if (!statSync(join(dir, file)).isFile()) continue;
      const module = readFileSync(join(dir, file), 'latin1').match(/^\s*([A-Za-z][\w-]*)\s+DEFINITIONS\s*(?:[A-Z ]+)?::=/m)?.[1];
      if (module && !byModule.has(module)) byModule.set(module, file);
    }
  }
  const supporting: MibText[] = [];
  const seen = new Set(products.map((p) => p.file));
  const queue: MibText[] = [...products];
  for (let mib = queue.shift(); mib; mib = queue.shift()) {
    for (const module of importedModules(mib.text)) {
      const file = byModule.get(module);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      const text = read(file);
      supporting.push(text);
      queue.push(text);
    }
  }
  const versionFile = join(dir, 'VERSION');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unknown version';
  return { products, supporting, collection: `netdisco-mibs ${version}` };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: build-product-oids.ts <netdisco-mibs checkout>');
  const { products, supporting, collection } = readCollection(dir);
  writeFileSync(`${DATA_DIR}product-oids.json`, `${JSON.stringify(buildProductTable(products, supporting, collection))}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
