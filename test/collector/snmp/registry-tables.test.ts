import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEnterpriseTable, buildOuiTable, DATA_DIR, WIRESHARK_DATA } from '../../../collector/src/snmp/data-build/build-registry-tables.js';
import { enterpriseOf, ouiVendor, vendorDisplayName } from '../../../collector/src/snmp/identify/vendor-names.js';
import { matchOsPackage, matchOsPatterns } from '../../../collector/src/snmp/identify/match-os-patterns.js';
import { vendorOidEntries } from '../../../collector/src/snmp/identify/vendor-oids.js';
import { fileAvailable } from './support/required-tool.js';

const debianCopy = fileAvailable(`${WIRESHARK_DATA}/enterprises.tsv`, 'libwireshark-data');

describe('identification data tables', () => {
  it.skipIf(!debianCopy)('ship the registries exactly as generated from Debian\'s libwireshark-data', () => {
    const committed = JSON.parse(readFileSync(`${DATA_DIR}iana-enterprises.json`, 'utf8'));
    expect(committed).toEqual(buildEnterpriseTable(readFileSync(`${WIRESHARK_DATA}/enterprises.tsv`, 'utf8')));
    const oui = JSON.parse(readFileSync(`${DATA_DIR}oui-vendors.json`, 'utf8'));
    expect(oui).toEqual(buildOuiTable(readFileSync(`${WIRESHARK_DATA}/manuf`, 'utf8')));
  });

  it('name vendors from sysObjectID and MAC prefixes', () => {
    expect(enterpriseOf('1.3.6.1.4.1.2636.1.1.1.2.25')).toBe(2636);
    expect(enterpriseOf('.1.3.6.1.4.1.9.1.617')).toBe(9);
    expect(enterpriseOf('1.3.6.1.4.19849')).toBeUndefined();
    expect(vendorDisplayName(2636)).toBe('Juniper Networks');
    expect(vendorDisplayName(12356)).toBe('Fortinet');
    expect(ouiVendor('00:00:0c:12:34:56')).toMatch(/Cisco/);
    // Locally administered addresses belong to nobody.
    expect(ouiVendor('02:00:0c:12:34:56')).toBeUndefined();
  });

  it('read OS and version from sysDescr texts of common gear', () => {
    const read = (d: string, oid?: string) => {
      const f = matchOsPatterns(d, oid, undefined, 'Vendor');
      return [f.os?.value, f.version?.value, f.model?.value];
    };
    expect(read('Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE11, RELEASE SOFTWARE (fc3)')).toEqual(['Cisco IOS', '15.0(2)SE11', undefined]);
    expect(read('Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)')).toEqual(['Windows', '6.3.17763', undefined]);
    // A bare kernel is kept as the kernel: the product OS comes from a rule that names it, or from the kernel last.
    const linux = matchOsPatterns('Linux nas 4.4.180+ #42962 SMP Tue Oct 18 15:04:41 CST 2022 x86_64', undefined, undefined, 'Vendor');
    expect([linux.os?.value, linux.kernel?.value, linux.kernelVersion?.value]).toEqual([undefined, 'Linux', '4.4.180+']);
    expect(read('ArubaOS (MODEL: Aruba7030), Version 8.6.0.4 (74969)')).toEqual(['ArubaOS', '8.6.0.4', 'Aruba7030']);
    expect(read('Juniper Networks, Inc. ex4300-48p Ethernet Switch, kernel JUNOS 18.4R2-S3.1, Build date: 2020-01-17')).toEqual(['JUNOS', '18.4R2-S3.1', 'ex4300-48p']);
  });

  it('name the maker that states itself in sysDescr over the enterprise number its gear borrows', () => {
    expect(matchOsPatterns('Hikvision company products', '1.3.6.1.4.1.50001', 50001, 'Scildon').vendor?.value).toBe('Hikvision');
    // Where the enterprise number is the maker's own, the maker read from sysDescr is the same one.
    expect(matchOsPatterns('Hikvision company products', '1.3.6.1.4.1.39165', 39165, 'Hikvision').vendor?.value).toBe('Hikvision');
  });

  it('read the OS version from the package that carries it', () => {
    const aix = [{ name: 'bos.rte.libc', version: '7.2.0.1' }, { name: 'bos.rte', version: '7.2.5.0' }];
    expect(matchOsPackage(aix, '1.3.6.1.4.1.2.3.1.2.1.1.3', 2)).toMatchObject({ os: 'AIX', version: '7.2.5.0' });
    expect(matchOsPackage([{ name: 'bos.rte' }], undefined, undefined)).toBeUndefined();
    expect(matchOsPackage([{ name: 'openssl', version: '3.0.2' }], undefined, undefined)).toBeUndefined();
  });

  it('ask a product line for its own OIDs only', () => {
    const oids = (sysObjectID: string) => vendorOidEntries([11], sysObjectID).flatMap((e) => e.osVersion ?? []);
    expect(oids('1.3.6.1.4.1.11.5.7.1.2').length).toBeGreaterThan(0);
    expect(oids('1.3.6.1.4.1.11.5.7.1.20')).toEqual([]);
    expect(oids('1.3.6.1.4.1.11.2.3.7.11.107')).toEqual([]);
  });
});
