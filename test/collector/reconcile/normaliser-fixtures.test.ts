import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawTitle, SoftwareEntry } from '@steward/shared';
import { parseDpkgQuery } from '../../../agent/src/collectors/dpkg.js';
import { parseRpmQuery } from '../../../agent/src/collectors/rpm.js';
import { parsePacmanQuery } from '../../../agent/src/collectors/pacman.js';
import { parseSnapList } from '../../../agent/src/collectors/snap.js';
import { parseFlatpakList } from '../../../agent/src/collectors/flatpak.js';
import { parseNixStorePaths } from '../../../agent/src/collectors/nix.js';
import { parseRegExport } from '../../../agent/src/collectors/reg-export.js';
import { uninstallEntries } from '../../../agent/src/collectors/windows-uninstall.js';
import { officeEntries } from '../../../agent/src/collectors/office-registration.js';
import { parseApplicationsXml } from '../../../agent/src/collectors/macos-applications.js';
import { decodeOctetText } from '../../../collector/src/snmp/values/decode-text.js';
import { splitPackageLabel } from '../../../collector/src/snmp/values/package-label.js';
import { shippedCatalogue } from '../../../collector/src/reconcile/catalogue/shipped-catalogue.js';
import { compileRules } from '../../../collector/src/reconcile/normalise/compile-rules.js';
import { normaliseTitle } from '../../../collector/src/reconcile/normalise/normalise-title.js';
import { REPO_ROOT } from '../../support/processes.js';

const INVENTORY = path.resolve(REPO_ROOT, '../shared/fixtures/inventory');
const RECORDINGS = path.resolve(REPO_ROOT, '../shared/fixtures/snmp/recordings');
const present = existsSync(INVENTORY) && existsSync(RECORDINGS);
if (!present) console.warn(`recorded inventories not found beside the repository (${INVENTORY}): fixture normalisation tests are skipped`);

const HR_SW_INSTALLED_NAME = '1.3.6.1.2.1.25.6.3.1.2.';

/** hrSWInstalledName cells of a recording, read the way the SNMP poller reads them. */
function hrSwInstalled(file: string): SoftwareEntry[] {
  const entries: SoftwareEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith(HR_SW_INSTALLED_NAME)) continue;
    const [, type, value = ''] = line.split('|');
    const bytes = type === '4x' ? Buffer.from(value, 'hex') : Buffer.from(value, 'latin1');
    const label = decodeOctetText(bytes);
    if (!label) continue;
    const { name, version, arch } = splitPackageLabel(label);
    entries.push({ name, version, arch, source: 'hrSWInstalled' });
  }
  return entries;
}

function inventory(relative: string): string {
  return readFileSync(path.join(INVENTORY, relative), 'utf8');
}

function recordedLists(): Record<string, SoftwareEntry[]> {
  const reg = (file: string) => parseRegExport(readFileSync(path.join(INVENTORY, 'windows-registry', file)));
  const lists: Record<string, SoftwareEntry[]> = {
    dpkg: parseDpkgQuery(inventory('linux-packages/dpkg')),
    rpm: parseRpmQuery(inventory('linux-packages/rpm')),
    pacman: parsePacmanQuery(inventory('linux-packages/pacman')),
    snap: parseSnapList(inventory('linux-packages/snap')),
    flatpak: parseFlatpakList(inventory('linux-packages/flatpak'), ['application', 'branch', 'installation', 'name']),
    nix: parseNixStorePaths(inventory('linux-packages/nix')),
    'macos applications': parseApplicationsXml(inventory('macos/10.8-system_profiler_SPApplicationsDataType_-xml.example.xml')),
  };
  for (const file of readdirSync(path.join(INVENTORY, 'windows-registry'))) {
    lists[`windows ${file}`] = file.endsWith('-Uninstall.reg') ? uninstallEntries(reg(file)) : officeEntries(reg(file));
  }
  for (const file of readdirSync(RECORDINGS).filter((f) => f.endsWith('.snmprec')).sort()) {
    const entries = hrSwInstalled(path.join(RECORDINGS, file));
    if (entries.length) lists[`hrSWInstalled ${file}`] = entries;
  }
  return lists;
}

const rawOf = (e: SoftwareEntry): RawTitle => ({ source: e.source, name: e.name, publisher: e.publisher, version: e.version, productCode: e.productCode });

describe.skipIf(!present)('normalisation of real software lists', () => {
  const { products, rules } = shippedCatalogue();
  const set = compileRules(rules, products);
  const lists = present ? recordedLists() : {};

  it('maps every entry of every list to a product or to triage, dropping none', () => {
    const lines: string[] = [];
    let total = 0;
    let recognised = 0;
    for (const [list, entries] of Object.entries(lists)) {
      const results = entries.map((e) => normaliseTitle(rawOf(e), set));
      expect(results).toHaveLength(entries.length);
      for (const [i, r] of results.entries()) {
        expect(r.product.length, `${list}: ${entries[i]!.name}`).toBeGreaterThan(0);
        if (r.licence === 'unrecognised') expect(r.product).toBe(entries[i]!.name);
      }
      const known = results.filter((r) => r.licence !== 'unrecognised').length;
      total += entries.length;
      recognised += known;
      lines.push(`${list.padEnd(62)} ${String(known).padStart(5)} / ${String(entries.length).padEnd(5)} recognised`);
    }
    console.log(`normalisation of recorded lists:\n${lines.join('\n')}\n${'all'.padEnd(62)} ${String(recognised).padStart(5)} / ${total} recognised (${((100 * recognised) / total).toFixed(1)} %)`);
    expect(total).toBeGreaterThan(5000);
  });

  it('names the commercial products in the Windows and SNMP lists with edition and release', () => {
    const find = (list: string, name: string) => {
      const entry = lists[list]!.find((e) => e.name === name);
      expect(entry, `${name} in ${list}`).toBeDefined();
      return normaliseTitle(rawOf(entry!), set);
    };
    expect(find('windows xp-Uninstall.reg', 'Microsoft Office Professional Plus 2010')).toMatchObject({ productId: 'microsoft-office', edition: 'Professional Plus', release: '2010', licence: 'commercial' });
    expect(find('windows xp-Uninstall.reg', 'Microsoft Office Word MUI (English) 2010').licence).toBe('component');
    expect(find('windows xp-Uninstall.reg', 'Update for Microsoft Office 2010 (KB2553310) 32-Bit Edition').productId).toBe('microsoft-updates');
    expect(find('windows xp-Uninstall.reg', 'Java(TM) 6 Update 31')).toMatchObject({ productId: 'oracle-java-se', release: '6' });
    expect(find('windows xp-Uninstall.reg', 'Adobe Reader X (10.1.2)').productId).toBe('adobe-acrobat-reader');
    expect(find('windows xp-Uninstall.reg', 'Symantec Endpoint Protection').productId).toBe('symantec-endpoint-protection');
    expect(find('windows xp-Uninstall.reg', 'Adobe Flash Player 11 Plugin').licence).toBe('freeware');
    expect(find('windows xp-Uninstall.reg', 'Mozilla Firefox 10.0.2 (x86 en-US)').licence).toBe('open-source');
    expect(find('windows mssql-Uninstall.reg', 'Microsoft SQL Server 2017')).toMatchObject({ productId: 'microsoft-sql-server', release: '2017' });
    expect(find('windows 10_russian-Uninstall.reg', 'КриптоПро CSP')).toMatchObject({ productId: 'cryptopro-csp', publisher: 'CryptoPro' });
    const snmpWindows = 'hrSWInstalled os-windows-server-2003-5-2.snmprec';
    expect(find(snmpWindows, 'Microsoft Office Enterprise 2007')).toMatchObject({ productId: 'microsoft-office', edition: 'Enterprise', release: '2007' });
    expect(find(snmpWindows, 'VMware Tools').productId).toBe('vmware-tools');
    expect(normaliseTitle(rawOf(lists[snmpWindows]!.find((e) => e.name.startsWith('WinRAR'))!), set).productId).toBe('winrar');
  });

  it('treats distribution packages as open source, including those SNMP agents list', () => {
    for (const list of ['dpkg', 'rpm', 'pacman', 'nix', 'flatpak']) {
      const classes = new Set(lists[list]!.map((e) => normaliseTitle(rawOf(e), set).licence));
      expect([...classes], list).toEqual(['open-source']);
    }
    const linux = lists['hrSWInstalled os-linux-unknown-002.snmprec']!.map((e) => normaliseTitle(rawOf(e), set));
    expect(linux.filter((r) => r.licence === 'open-source').length / linux.length).toBeGreaterThan(0.95);
  });
});
