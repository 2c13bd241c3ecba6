import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsRelease } from '../../agent/src/collectors/os-release.js';
import { pointRelease, readPointRelease } from '../../agent/src/collectors/os-point-release.js';
import { lastLoggedOnUser, parseRegQuery, windowsRelease } from '../../agent/src/collectors/windows-release.js';
import { windowsOs } from '../../agent/src/collectors/windows-os.js';
import { parseCimJsonByClass, parseWmicList } from '../../agent/src/collectors/wmi-objects.js';
import { wmiOperatingSystem } from '../../agent/src/collectors/wmi-os.js';
import { parseSoftwareOverview } from '../../agent/src/collectors/macos-system-profiler.js';
import { hasRecorded, ownText, recorded, recordedText } from './fixture-files.js';

/** os-release as each distribution ships it (the fields that matter here), with its own release file. */
const DISTRIBUTIONS: Array<[string, string, string | undefined, string | undefined, string | undefined]> = [
  ['Debian 12', 'ID=debian\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm', '12.11\n', '12.11', 'bookworm'],
  ['Debian testing', 'ID=debian\nVERSION_CODENAME=trixie', 'trixie/sid\n', undefined, 'trixie'],
  ['Ubuntu 22.04', 'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"', 'bookworm/sid\n', '22.04.4', 'Jammy Jellyfish'],
  ['CentOS 7', 'ID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nVERSION="7 (Core)"', 'CentOS Linux release 7.9.2009 (Core)\n', '7.9.2009', 'Core'],
  ['Rocky 9', 'ID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.4"\nVERSION="9.4 (Blue Onyx)"', 'Rocky Linux release 9.4 (Blue Onyx)\n', '9.4', 'Blue Onyx'],
  ['RHEL 8', 'ID="rhel"\nID_LIKE="fedora"\nVERSION_ID="8.10"\nVERSION="8.10 (Ootpa)"', 'Red Hat Enterprise Linux release 8.10 (Ootpa)\n', '8.10', 'Ootpa'],
  ['AlmaLinux 9', 'ID="almalinux"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.5"', 'AlmaLinux release 9.5 (Teal Serval)\n', '9.5', undefined],
  ['Fedora 40', 'ID=fedora\nVERSION_ID=40\nVERSION="40 (Workstation Edition)"', 'Fedora release 40 (Forty)\n', '40', 'Workstation Edition'],
  ['Alpine 3.19', 'ID=alpine\nVERSION_ID=3.19.1', '3.19.1\n', '3.19.1', undefined],
  ['Oracle Linux 8 (via ID_LIKE)', 'ID="navy"\nID_LIKE="rhel fedora"\nVERSION_ID="8"', 'Navy Linux release 8.9\n', '8.9', undefined],
  ['Kali (derivative whose parent file does not extend its own)', 'ID=kali\nID_LIKE=debian\nVERSION_ID="2024.2"', 'kali-rolling\n', '2024.2', undefined],
];

describe('the point release of Linux distributions', () => {
  it.each(DISTRIBUTIONS)('%s', (_, osRelease, file, version, displayVersion) => {
    expect(pointRelease(parseOsRelease(osRelease), file)).toEqual({ version, displayVersion });
  });

  it.skipIf(!existsSync('/etc/debian_version') || !existsSync('/etc/os-release'))('reads this Debian-family machine\'s release as its own files state it', async () => {
    const fields = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    const stated = readFileSync('/etc/debian_version', 'utf8').trim();
    const release = await readPointRelease(fields);
    if (fields.ID === 'debian' && /^\d+\.\d+$/.test(stated)) expect(release.version).toBe(stated);
    else expect(release.version).toBe(fields.VERSION_ID ?? fields.BUILD_ID);
  });
});

describe('the Windows release', () => {
  it('reads build and update revision from CurrentVersion: 10.0.19045.3795, 22H2', () => {
    const values = parseRegQuery(ownText('windows/reg-query-currentversion.txt'));
    expect(values).toMatchObject({ CurrentBuild: '19045', UBR: '3795', CurrentMajorVersionNumber: '10', DisplayVersion: '22H2' });
    expect(values).not.toHaveProperty('Fonts');
    expect(windowsRelease(values, '10.0.19045')).toEqual({ version: '10.0.19045.3795', build: '19045.3795', displayVersion: '22H2' });
  });

  it('reads a Windows 7 key, which states its version as text and has no update revision', () => {
    expect(windowsRelease(parseRegQuery(ownText('windows/reg-query-currentversion-win7.txt')), '6.1.7601'))
      .toEqual({ version: '6.1.7601', build: '7601', displayVersion: undefined });
    expect(windowsRelease({}, '6.1.7601')).toEqual({ version: '6.1.7601', build: undefined, displayVersion: undefined });
  });

  it('names the last user who logged on, a local account with the computer\'s name', () => {
    expect(lastLoggedOnUser(parseRegQuery(ownText('windows/reg-query-logonui.txt')), 'PC-042')).toBe('CORP\\ana');
    expect(lastLoggedOnUser({ LastLoggedOnUser: '.\\maria' }, 'PC-042')).toBe('PC-042\\maria');
    expect(lastLoggedOnUser({}, 'PC-042')).toBeUndefined();
  });

  it('assembles the OS section with the registry\'s release and last logon over WMI\'s version', () => {
    const wmi = parseCimJsonByClass(ownText('windows/cim-by-class.json'));
    const section = windowsOs(wmi, {
      currentVersion: parseRegQuery(ownText('windows/reg-query-currentversion.txt')),
      logonUi: parseRegQuery(ownText('windows/reg-query-logonui.txt')),
    });
    expect(section).toMatchObject({ version: '10.0.19045.3795', build: '19045.3795', displayVersion: '22H2', arch: 'x86_64' });
    expect(section.users?.lastLoggedOn).toBe('CORP\\ana');
    expect(windowsOs(wmi)).toMatchObject({ version: '10.0.22631', build: '22631' });
  });

  it.skipIf(!hasRecorded)('keeps a recorded Windows 7\'s version from WMI when the registry is not read', () => {
    const system = wmiOperatingSystem(parseWmicList(recorded('windows-wmi/win7-sp1-x64-Win32_OperatingSystem.wmi'))[0]);
    expect(windowsRelease({}, system.version)).toEqual({ version: '6.1.7600', build: undefined, displayVersion: undefined });
  });
});

describe('the macOS release', () => {
  it.skipIf(!hasRecorded)('reads name, point release and build from system_profiler on an M1 (11.2.3) and an Intel Mac (10.6.4)', () => {
    expect(parseSoftwareOverview(recordedText('macos/11.0-apple-M1'))).toEqual({ name: 'macOS', version: '11.2.3', build: '20D91', kernel: 'Darwin 20.3.0' });
    expect(parseSoftwareOverview(recordedText('macos/10.6-intel'))).toEqual({ name: 'Mac OS X', version: '10.6.4', build: '10F569', kernel: 'Darwin 10.4.0' });
  });

  it('reads a current release with its build', () => {
    expect(parseSoftwareOverview('Software:\n\n    System Software Overview:\n\n      System Version: macOS 14.5 (23F79)\n      Kernel Version: Darwin 23.5.0\n'))
      .toEqual({ name: 'macOS', version: '14.5', build: '23F79', kernel: 'Darwin 23.5.0' });
  });
});

describe('this machine', () => {
  it.skipIf(process.platform !== 'linux')('reports the architecture uname -m names', async () => {
    const { collectOs } = await import('../../agent/src/collectors/os.js');
    const machine = execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();
    expect((await collectOs()).arch).toBe(machine === 'aarch64' ? 'arm64' : machine);
  });
});
