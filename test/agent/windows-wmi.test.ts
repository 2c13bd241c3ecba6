import { describe, expect, it } from 'vitest';
import { parseCimJson, parseCimJsonByClass, parseWmicList } from '../../agent/src/collectors/wmi-objects.js';
import { wmiBios, wmiComputerSystem, wmiCpu, wmiDisks, wmiDiskSerial, wmiMemoryModules } from '../../agent/src/collectors/wmi-hardware.js';
import { wmiNetworkInterfaces } from '../../agent/src/collectors/wmi-network.js';
import { wmiBitLocker, wmiHotfixes, wmiOperatingSystem, wmiUserAccounts } from '../../agent/src/collectors/wmi-os.js';
import { licensedProducts } from '../../agent/src/collectors/software-licensing.js';
import { attachOfficeLicences } from '../../agent/src/collectors/office-licences.js';
import { officeEntries, officeLicenceLinks } from '../../agent/src/collectors/office-registration.js';
import { parseRegExport } from '../../agent/src/collectors/reg-export.js';
import { windowsOs } from '../../agent/src/collectors/windows-os.js';
import { parseAppxPackages, publisherName } from '../../agent/src/collectors/appx.js';
import { cimScript } from '../../agent/src/collectors/wmi-query.js';
import { hasRecorded, own, ownText, recorded } from './fixture-files.js';

const wmi = (file: string) => parseWmicList(recorded(`windows-wmi/${file}`));

describe('parseWmicList', () => {
  it('reads wmic lists with a doubled mark and CR CR LF line ends', () => {
    const cpus = parseWmicList(own('windows/wmic-processor.txt'));
    expect(cpus).toHaveLength(2);
    expect(wmiCpu(cpus)).toEqual({ manufacturer: 'Intel', brand: 'Intel(R) Xeon(R) Silver 4110 CPU @ 2.10GHz', sockets: 2, cores: 16, threads: 32, speedGHz: 2.1 });
  });

  it('takes hotfix ids from ServicePackInEffect when Windows puts them there, reads FILETIME dates, lists each once', () => {
    expect(wmiHotfixes(parseWmicList(own('windows/wmic-quickfixengineering.txt')))).toEqual([
      { id: 'KB5034441', description: 'Update', installedOn: '2011-07-10' },
      { id: 'KB5034122', description: 'Security Update', installedOn: '2024-01-09' },
      { id: 'KB958644', description: 'Update', installedOn: undefined },
    ]);
  });
});

describe('parseCimJson', () => {
  it('reads one object or a list, with booleans, numbers and PowerShell 5 dates in wmic form', () => {
    expect(parseCimJson('{"Name":"C:","Size":1024,"Ok":true,"When":"\\/Date(0)\\/","Gone":null,"CimClass":{"x":1}}'))
      .toEqual([{ Name: 'C:', Size: '1024', Ok: 'TRUE', When: '19700101000000.000000+000' }]);
    expect(parseCimJson('[{"IPAddress":["192.0.2.1","fe80::1"]}]')).toEqual([{ IPAddress: ['192.0.2.1', 'fe80::1'] }]);
    expect(parseCimJson('not json')).toEqual([]);
  });

  it('assembles the OS section from one PowerShell run over several classes', () => {
    const os = windowsOs(parseCimJsonByClass(ownText('windows/cim-by-class.json')));
    expect(os).toMatchObject({
      platform: 'windows', name: 'Microsoft Windows 11 Pro', version: '10.0.22631', build: '22631', arch: 'x86_64',
      installDate: '2023-11-14', domain: 'corp.example.com', productId: '00330-80000-00000-AA123',
      licence: { name: 'Windows(R), Professional edition', partialProductKey: '3V66T', status: 'licensed', channel: 'Retail' },
      hotfixes: [{ id: 'KB5034441', description: 'Update', installedOn: '2024-01-10' }],
      users: {
        loggedOn: ['CORP\\ana'],
        local: [{ name: 'Administrator', id: 'S-1-5-21-1-2-3-500', disabled: true }, { name: 'ana', id: 'S-1-5-21-1-2-3-1001', fullName: 'Ana Müller', disabled: false }],
      },
      security: {
        diskEncryption: [
          { volume: 'C:', method: 'BitLocker XTS-AES-128', protected: true, status: 'fully encrypted' },
          { volume: 'D:', protected: false, status: 'fully decrypted' },
        ],
        antivirus: [{ name: 'Windows Defender', enabled: true, upToDate: true }, { name: 'Old AV', enabled: false, upToDate: false }],
      },
    });
  });

  it('builds one script that asks each class for its properties only', () => {
    const script = cimScript([{ className: 'Win32_Bios', properties: ['Manufacturer', 'SerialNumber'] }, { className: 'WmiMonitorID', namespace: 'root/wmi', properties: ['UserFriendlyName'] }]);
    expect(script).toContain("$r['Win32_Bios'] = @(Get-CimInstance -Namespace 'root/cimv2' -ClassName 'Win32_Bios' -ErrorAction SilentlyContinue | Select-Object -Property 'Manufacturer','SerialNumber')");
    expect(script).toContain("-Namespace 'root/wmi' -ClassName 'WmiMonitorID'");
  });
});

describe('parseAppxPackages', () => {
  it('names publishers by organisation and flags packages signed as part of Windows', () => {
    expect(parseAppxPackages(ownText('windows/appx.json'))).toEqual([
      {
        name: 'Microsoft.WindowsCalculator', version: '11.2311.0.0', publisher: 'Microsoft Corporation', arch: 'x64',
        installLocation: 'C:\\Program Files\\WindowsApps\\Microsoft.WindowsCalculator_11.2311.0.0_x64__8wekyb3d8bbwe',
        productCode: 'Microsoft.WindowsCalculator_11.2311.0.0_x64__8wekyb3d8bbwe', source: 'msix',
      },
      {
        name: 'Microsoft.Windows.ShellExperienceHost', version: '10.0.22621.3007', publisher: 'Microsoft Corporation', arch: 'neutral',
        installLocation: 'C:\\Windows\\SystemApps\\ShellExperienceHost_cw5n1h2txyewy',
        productCode: 'Microsoft.Windows.ShellExperienceHost_10.0.22621.3007_neutral_neutral_cw5n1h2txyewy', systemComponent: true, source: 'msix',
      },
      {
        name: 'SpotifyAB.SpotifyMusic', version: '1.230.1135.0', publisher: '453637B3-4E12-4CDF-B0D3-2A3C863BF6EF', arch: 'x86',
        installLocation: 'C:\\Program Files\\WindowsApps\\SpotifyAB.SpotifyMusic_1.230.1135.0_x86__zpdnekdrzrea0',
        productCode: 'SpotifyAB.SpotifyMusic_1.230.1135.0_x86__zpdnekdrzrea0', source: 'msix',
      },
    ]);
    expect(publisherName('CN="Contoso, Ltd", C=US')).toBe('Contoso, Ltd');
  });
});

describe.skipIf(!hasRecorded)('recorded wmic lists', () => {
  it('reads a Windows 7 processor and two memory modules, dropping placeholder makers and serials', () => {
    expect(wmiCpu(wmi('7-Win32_Processor.wmi'))).toEqual({
      manufacturer: 'Intel', brand: 'Intel(R) Core(TM) i5-2300 CPU @ 2.80GHz', arch: 'x86_64', sockets: 1, cores: 4, threads: 4, speedGHz: 2.801,
      family: 6, model: 42, stepping: 7, cache: { l3Bytes: 6144 * 1024 },
    });
    expect(wmiMemoryModules(wmi('7-Win32_PhysicalMemory.wmi'))).toEqual([
      { slot: 'DIMM1', sizeBytes: 2147483648, speedMHz: 1600, partNumber: 'F3-12800CL9-2GBXL' },
      { slot: 'DIMM3', sizeBytes: 2147483648, speedMHz: 1600, partNumber: 'F3-12800CL9-2GBXL' },
    ]);
  });

  it('reads a French Windows 7: its name, build, 32-bit architecture and install date', () => {
    expect(wmiOperatingSystem(wmi('win7-sp1-x64-Win32_OperatingSystem.wmi')[0])).toEqual({
      name: 'Microsoft Windows 7 Professionnel', version: '6.1.7600', build: '7600', servicePack: undefined, arch: 'i686',
      installDate: '2013-08-13', productId: '55041-029-0047897-86624', registeredUser: 'guillaume',
    });
  });

  it('reads disks, unescaping XML entities and decoding a byte-swapped hex serial', () => {
    const disks = wmiDisks(wmi('win7-sp1-x64-Win32_DiskDrive.wmi'));
    expect(disks).toEqual([
      { name: '\\\\.\\PHYSICALDRIVE0', model: 'VBOX HARDDISK ATA Device', serial: 'VB2cff0f95-b2f7db11', sizeBytes: 107372805120, interface: 'IDE', smartStatus: 'OK' },
      { name: '\\\\.\\PHYSICALDRIVE1', model: 'Msft Virtual Disk SCSI Disk Device', sizeBytes: 98703360, interface: 'SCSI', smartStatus: 'OK' },
    ]);
    expect(wmi('win7-sp1-x64-Win32_DiskDrive.wmi')[1]!.PNPDeviceID).toBe('SCSI\\DISK&VEN_MSFT&PROD_VIRTUAL_DISK\\2&1F4ADFFE&0&000001');
    expect(wmiDiskSerial('S3Z2NB0K123456')).toBe('S3Z2NB0K123456');
  });

  it('reads a Proxmox guest BIOS and an Azure AD laptop', () => {
    expect(wmiBios(wmi('proxmox-Win32_Bios.wmi')[0])).toEqual({ bios: { version: 'BOCHS  - 1', releaseDate: '2014-04-01' } });
    const computer = wmiComputerSystem(wmi('11-AzureAD-Win32_ComputerSystem.wmi')[0]);
    expect(computer).toMatchObject({
      system: { manufacturer: 'LENOVO', model: '20TBS57S00', sku: 'LENOVO_MT_20TB_BU_Think_FM_ThinkPad E14 Gen 2' },
      totalBytes: 16863318016, virtualization: { role: 'physical' }, hypervisorPresent: false, domain: undefined, workgroup: 'WORKGROUP', userName: 'AzureAD\\JohnDoe',
    });
  });

  it('keeps the adapters bound to IP, with their addresses', () => {
    const configs = wmi('10-Win32_NetworkAdapterConfiguration.wmi');
    // Every adapter, the kernel debugger's and the IPv6 tunnels' marked virtual by their driver service.
    expect(wmiNetworkInterfaces(configs).map((n) => [n.name, n.virtual, n.virtualKind])).toEqual([
      ['Microsoft Kernel Debug Network Adapter', true, 'debug'],
      ['Intel(R) PRO/1000 MT Desktop Adapter', undefined, undefined],
      ['Microsoft ISATAP Adapter', true, 'tunnel'],
      ['Microsoft Teredo Tunneling Adapter', true, 'tunnel'],
    ]);
    // With Win32_NetworkAdapter: the link state and speed, and the physical adapter said to be one.
    expect(wmiNetworkInterfaces(configs, parseWmicList(own('windows/wmic-networkadapter.txt')))[1]).toEqual({
      name: 'Intel(R) PRO/1000 MT Desktop Adapter', mac: '08:00:27:37:A7:5D', ipv4: ['0.0.0.9'], ipv6: ['fe82::fe82:fe82:fe82:fe82'],
      subnets: ['0.0.0.0/24', 'fe82::/64'], gateways: ['0.0.0.8'], virtual: false, virtualKind: undefined, speedMbps: 1000, status: 'up',
    });
  });

  it('reads BitLocker, local accounts with accented names, and XP hotfixes', () => {
    expect(wmiBitLocker(wmi('win10-crypt-Win32_EncryptableVolume.wmi'))).toEqual([{ volume: 'C:', method: 'BitLocker AES-256', protected: true, status: 'fully encrypted' }]);
    const users = wmiUserAccounts(wmi('10-StandAlone-Win32_UserAccount.wmi'));
    expect(users.map((u) => `${u.name}:${u.disabled}`)).toEqual(['Administrateur:true', 'DefaultAccount:true', 'Invité:true', 'teclib:false']);
    expect(users[3]!.id).toBe('S-1-5-21-407181654-3485178747-2417891341-1001');
    const fixes = wmiHotfixes(wmi('xp-Win32_QuickFixEngineering.wmi'));
    expect(fixes[0]).toEqual({ id: 'KB2079403', description: undefined, installedOn: undefined });
    expect(fixes.find((f) => f.id === 'KB980195')).toEqual({ id: 'KB980195', description: 'Security Update for Windows XP (KB980195)', installedOn: '2011-01-15' });
    expect(new Set(fixes.map((f) => f.id)).size).toBe(fixes.length);
  });

  it('keeps the licence with a product key and gives it to the Office product the registry names', () => {
    const licensed = licensedProducts(wmi('office_2016_01-SoftwareLicensingProduct.wmi'));
    expect(licensed).toEqual([{
      id: 'd450596f-894d-49e0-966a-fd39ed4c4c64', applicationId: '0ff1ce15-a989-479d-af46-f275c6370663',
      name: 'Office 16, Office16ProPlusVL_KMS_Client edition', description: 'Office 16, VOLUME_KMSCLIENT channel',
      licence: { productId: '00339-10000-00000-AA680', partialProductKey: 'WE9H9', status: 'licensed', channel: 'Volume:GVLK' },
    }]);
    const keys = parseRegExport(recorded('windows-registry/office_2016_01.reg'));
    const entries = attachOfficeLicences(officeEntries(keys), licensed, officeLicenceLinks(keys));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      name: 'Microsoft Office Professional Plus 2016',
      licence: { productId: '00339-10000-00000-AA680', partialProductKey: 'WE9H9', status: 'licensed', channel: 'Volume:GVLK', trial: false },
    });
    expect(attachOfficeLicences([], licensed, new Map())).toMatchObject([{ name: 'Office 16, Office16ProPlusVL_KMS_Client edition', source: 'other' }]);
  });
});
