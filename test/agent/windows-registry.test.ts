import { describe, expect, it } from 'vitest';
import { keyName, parseRegExport, regText } from '../../agent/src/collectors/reg-export.js';
import { uninstallEntries } from '../../agent/src/collectors/windows-uninstall.js';
import { officeProducts, officeLicenceLinks } from '../../agent/src/collectors/office-registration.js';
import { parseUserHives } from '../../agent/src/collectors/windows-registry.js';
import { regQueryDword, windowsFirmwareBoot } from '../../agent/src/collectors/windows-firmware.js';
import { decodeProductKey, OFFICE_KEY_OFFSET } from '../../agent/src/collectors/product-key.js';
import { hasRecorded, own, recorded } from './fixture-files.js';

describe('parseRegExport and uninstallEntries', () => {
  const keys = parseRegExport(own('windows/uninstall.reg'));

  it('decodes UTF-16LE, escaped quotes, continued hex(2) strings, hex(7) lists and qwords', () => {
    const legacy = keys.find((k) => k.path.endsWith('\\LegacyTool'))!;
    expect(regText(legacy, 'UninstallString')).toBe('"C:\\Tools\\uninst.exe" /S');
    expect(legacy.values.get('keywords')).toEqual({ type: 'multi_sz', value: ['ab', 'c'] });
    const sevenZip = keys.find((k) => k.path.endsWith('\\7-Zip'))!;
    expect(sevenZip.values.get('estimatedsize')).toEqual({ type: 'qword', value: 4096 });
    expect(keys.some((k) => k.path.endsWith('\\Removed'))).toBe(false);
  });

  it('lists subkeys with a DisplayName value (a blank one named by its key), flags system components and tells MSI from other installers', () => {
    expect(uninstallEntries(keys, { arch: 'x64' })).toEqual([
      {
        name: 'Гарант-Клиент', version: '8.0.1', publisher: 'ООО "НПП Гарант-Сервис"', installDate: '2023-09-15',
        installLocation: 'C:\\Program Files\\Garant\\', productCode: '{2B1A6C4E-7C43-4F0B-9E5D-1A2B3C4D5E6F}', arch: 'x64', source: 'msi',
      },
      { name: 'Notepad++ (64-bit x64)', version: '8.6.2', publisher: 'Notepad++ Team', productCode: 'Notepad++', arch: 'x64', source: 'registry' },
      {
        name: 'Office 16 Click-to-Run Extensibility Component', version: '16.0.17328.20162', productCode: '{90160000-008C-0000-1000-0000000FF1CE}',
        arch: 'x64', systemComponent: true, source: 'msi',
      },
      { name: 'KB5034441_stub', productCode: 'KB5034441_stub', arch: 'x64', source: 'registry' },
      { name: 'Legacy Tool', version: '3.10', installDate: '2019-03-07', productCode: 'LegacyTool', arch: 'x64', source: 'registry' },
      { name: '7-Zip 23.01', version: '23.01', publisher: 'Igor Pavlov', productCode: '7-Zip', arch: 'x86', source: 'registry' },
    ]);
  });

  it('reads the user hives reg query lists', () => {
    const output = '\r\nHKEY_USERS\\.DEFAULT\r\nHKEY_USERS\\S-1-5-19\r\nHKEY_USERS\\S-1-5-21-3623811015-3361044348-30300820-1013\r\nHKEY_USERS\\S-1-5-21-3623811015-3361044348-30300820-1013_Classes\r\n';
    expect(parseUserHives(output)).toEqual(['S-1-5-21-3623811015-3361044348-30300820-1013']);
  });

  describe.skipIf(!hasRecorded)('recorded reg exports', () => {
    it('keeps Cyrillic names and publishers of a Russian Windows 10', () => {
      const entries = uninstallEntries(parseRegExport(recorded('windows-registry/10_russian-Uninstall.reg')));
      expect(entries.map((e) => e.name).sort()).toEqual(['1C Предприятие 7.7', 'КриптоПро CSP']);
      expect(entries.find((e) => e.name === 'КриптоПро CSP')).toEqual({
        name: 'КриптоПро CSP', version: '5.0.12000', publisher: 'Компания КриптоПро', installDate: '2021-07-24',
        installLocation: 'C:\\Program Files (x86)\\Crypto Pro\\CSP\\', productCode: '{50F91F80-D397-437C-B0C8-62128DE3B55E}', source: 'msi',
      });
      expect(entries.find((e) => e.name === '1C Предприятие 7.7')).toMatchObject({ version: '77.27', productCode: '1C Предприятие 7.7.27', source: 'registry' });
    });

    it('reads a Windows XP export: every one of the 419 keys with a DisplayName is an entry, keys without one are not', () => {
      const keys = parseRegExport(recorded('windows-registry/xp-Uninstall.reg'));
      const named = keys.filter((k) => k.values.has('displayname'));
      expect(named).toHaveLength(419);
      const entries = uninstallEntries(keys);
      expect(entries.map((e) => e.productCode)).toEqual(named.map(keyName));
      expect(entries[0]).toEqual({
        name: 'Adobe Shockwave Player 11', version: '11', publisher: 'Adobe Systems, Inc.', installLocation: 'C:\\WINDOWS\\system32\\Adobe\\',
        productCode: 'Adobe Shockwave Player', source: 'registry',
      });
      const blank = named.filter((k) => !regText(k, 'DisplayName')?.trim());
      expect(blank).toHaveLength(1);
      expect(entries.find((e) => e.productCode === keyName(blank[0]!))).toMatchObject({ name: keyName(blank[0]!), publisher: 'Microsoft' });
      expect(entries.map((e) => e.name)).toEqual(named.map((k) => regText(k, 'DisplayName')!.trim() || keyName(k)));
      expect(entries.filter((e) => e.systemComponent)).toHaveLength(57);
      expect(entries.every((e) => !/[\u0000-\u001f]/.test(e.name))).toBe(true);
    });

    it('reads an SQL Server machine: 7 programs', () => {
      const entries = uninstallEntries(parseRegExport(recorded('windows-registry/mssql-Uninstall.reg')));
      expect(entries).toHaveLength(7);
      expect(entries.find((e) => e.name === 'Microsoft SQL Server 2017')).toMatchObject({ version: '17.77.6700.34', publisher: 'Microsoft' });
    });
  });
});

describe('Office registrations', () => {
  it('decodes an Office 2010 key and names a later product through the catalogue', () => {
    const keys = parseRegExport(own('windows/office-registration.reg'));
    const products = officeProducts(keys);
    expect(products.map((p) => p.productKey)).toEqual(['MKCGC-FBXRX-BMJX2-F4BWB-7P82X', undefined]);
    expect(products.map((p) => p.entry)).toEqual([
      {
        name: 'Microsoft Office Professional Plus 2010', version: '14.0 SP1', publisher: 'Microsoft Corporation',
        productCode: '{90140000-0011-0000-0000-0000000FF1CE}', source: 'registry',
        licence: { productId: '82503-OEM-1234567-12345', partialProductKey: '7P82X', trial: false },
      },
      {
        name: 'Microsoft Visio Standard 2016', version: '16.0', publisher: 'Microsoft Corporation',
        productCode: '{90160000-0053-0000-1000-0000000FF1CE}', source: 'registry', licence: { productId: '00339-10000-00000-AA111' },
      },
    ]);
    expect(officeLicenceLinks(keys).get('AAAA1111-0000-4000-8000-000000000001')).toBe('90160000-0053-0000-1000-0000000FF1CE');
  });

  it('finds no key in an empty DigitalProductId', () => {
    expect(decodeProductKey(new Uint8Array(1272), OFFICE_KEY_OFFSET, true)).toBeUndefined();
  });

  describe.skipIf(!hasRecorded)('recorded Office registrations', () => {
    it('reads Office 2010 Professional with its product key', () => {
      const [product, ...rest] = officeProducts(parseRegExport(recorded('windows-registry/office_2010_1.reg')));
      expect(rest).toHaveLength(0);
      expect(product!.productKey).toBe('W7227-979WY-QQB79-3Q6MR-JVB9D');
      expect(product!.entry).toMatchObject({
        name: 'Microsoft Office Professional 2010', version: '14.0 SP2', productCode: '{90140000-003D-0000-0000-0000000FF1CE}',
        licence: { productId: '82503-242-8447354-11013', partialProductKey: 'JVB9D', trial: false },
      });
    });

    it('reads the one installed Office 2016 product among 345 registration keys, named by the catalogue', () => {
      const products = officeProducts(parseRegExport(recorded('windows-registry/office_2016_01.reg')));
      expect(products).toHaveLength(1);
      expect(products[0]!.productKey).toBe('YKP6Y-3MDM7-J8F3Q-9297J-3TF27');
      expect(products[0]!.entry).toMatchObject({
        name: 'Microsoft Office Professional Plus 2016', version: '16.0', productCode: '{90160000-0011-0000-1000-0000000FF1CE}',
        licence: { productId: '00339-10000-00000-AA310', partialProductKey: '3TF27' },
      });
    });
  });
});

describe('firmware boot mode from the registry', () => {
  const query = (key: string, line: string) => `\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control${key}\r\n    ${line}\r\n\r\n`;
  const uefi = query('', 'PEFirmwareType    REG_DWORD    0x2');
  const bios = query('', 'PEFirmwareType    REG_DWORD    0x1');
  const secure = (on: boolean) => query('\\SecureBoot\\State', `UEFISecureBootEnabled    REG_DWORD    0x${on ? 1 : 0}`);

  it('reads UEFI with Secure Boot on or off, and legacy BIOS, whose Secure Boot state means nothing', () => {
    expect(windowsFirmwareBoot(uefi, secure(true))).toEqual({ bootMode: 'uefi', secureBoot: true });
    expect(windowsFirmwareBoot(uefi, secure(false))).toEqual({ bootMode: 'uefi', secureBoot: false });
    expect(windowsFirmwareBoot(bios, secure(false))).toEqual({ bootMode: 'bios' });
    // reg query fails (null) where a key or value is absent.
    expect(windowsFirmwareBoot(uefi, null)).toEqual({ bootMode: 'uefi' });
    expect(windowsFirmwareBoot(null, null)).toEqual({});
  });

  it('reads a REG_DWORD value line only', () => {
    expect(regQueryDword(query('', 'PEFirmwareType    REG_SZ    2'), 'PEFirmwareType')).toBeUndefined();
    expect(regQueryDword(query('', 'pefirmwaretype\tREG_DWORD\t0x2'), 'PEFirmwareType')).toBe(2);
  });
});
