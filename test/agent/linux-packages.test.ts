import { describe, expect, it } from 'vitest';
import { parseRpmQuery } from '../../agent/src/collectors/rpm.js';
import { parseApkInstalled } from '../../agent/src/collectors/apk.js';
import { parsePacmanQuery, parsePacmanDate } from '../../agent/src/collectors/pacman.js';
import { parseSnapList } from '../../agent/src/collectors/snap.js';
import { parseFlatpakList } from '../../agent/src/collectors/flatpak.js';
import { parseNixStorePaths } from '../../agent/src/collectors/nix.js';
import { hasRecorded, ownText, recordedText } from './fixture-files.js';

describe('parseRpmQuery', () => {
  it('reads name, epoch:version-release, arch, vendor and install day, skipping gpg-pubkey keys', () => {
    const entries = parseRpmQuery(ownText('linux/rpm-query.txt'));
    expect(entries.map((e) => e.name)).toEqual(['bash', 'perl-interpreter', 'acme-tool', 'local-build']);
    expect(entries[0]).toEqual({
      name: 'bash', version: '5.2.15-5.fc39', arch: 'x86_64', publisher: 'Fedora Project', installDate: '2023-11-14', source: 'rpm',
    });
    expect(entries[1]!.version).toBe('4:5.38.2-502.fc39');
    expect(entries[3]).toEqual({ name: 'local-build', version: '0.1-1', arch: 'x86_64', source: 'rpm' });
  });

  it('repairs a Latin-1 vendor name instead of dropping the package', () => {
    const acme = parseRpmQuery(ownText('linux/rpm-query.txt')).find((e) => e.name === 'acme-tool');
    expect(acme?.publisher).toBe('Soci\uFFFDt\uFFFD Acme');
  });

  it.skipIf(!hasRecorded)('reads a recorded Mageia rpm query: 10 packages', () => {
    const entries = parseRpmQuery(recordedText('linux-packages/rpm'));
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({
      name: 'libpciaccess0', version: '0.12.1-1.mga1', arch: 'i586', publisher: 'Mageia.Org', installDate: '2011-07-19', source: 'rpm',
    });
    expect(entries.find((e) => e.name === 'perl-Gtk2-ImageView')).toMatchObject({ publisher: 'Mageia', version: '0.50.0-4.mga2' });
  });
});

describe('parseApkInstalled', () => {
  it('reads each package block of the installed database', () => {
    const entries = parseApkInstalled(ownText('linux/apk-installed.txt'));
    expect(entries).toEqual([
      { name: 'musl', version: '1.2.4-r2', arch: 'x86_64', publisher: 'Timo Teräs <timo.teras@iki.fi>', source: 'apk' },
      { name: 'busybox', version: '1.36.1-r15', arch: 'x86_64', publisher: 'Sören Tempel <soeren+alpine@soeren-tempel.net>', source: 'apk' },
      { name: 'alpine-baselayout-data', version: '3.4.3-r2', arch: 'x86_64', publisher: 'Natanael Copa <ncopa@alpinelinux.org>', source: 'apk' },
    ]);
  });
});

describe('parsePacmanQuery', () => {
  it('reads both date forms pacman prints and keeps the epoch in the version', () => {
    const entries = parsePacmanQuery(ownText('linux/pacman-qi.txt'));
    expect(entries).toEqual([
      { name: 'zlib', version: '1:1.3.1-2', arch: 'x86_64', publisher: 'Levente Polyak <anthraxx@archlinux.org>', installDate: '2024-04-02', source: 'pacman' },
      { name: 'yay', version: '12.3.5-1', arch: 'x86_64', installDate: '2024-04-06', source: 'pacman' },
    ]);
    expect(parsePacmanDate('not a date')).toBeUndefined();
  });

  it.skipIf(!hasRecorded)('reads a recorded Arch pacman -Qqi output: 11 packages', () => {
    const entries = parsePacmanQuery(recordedText('linux-packages/pacman'));
    expect(entries.map((e) => e.name)).toEqual([
      'ca-certificates', 'filesystem', 'pacman-mirrorlist', 'perl', 'systemd', 'vim', 'vim-runtime', 'which', 'xz', 'zlib', 'zstd',
    ]);
    expect(entries.find((e) => e.name === 'which')).toEqual({
      name: 'which', version: '2.21-2', arch: 'x86_64', publisher: 'Sébastien Luttringer <seblu@seblu.net>', installDate: '2018-09-12', source: 'pacman',
    });
    expect(entries.find((e) => e.name === 'zstd')?.publisher).toBe('Bartłomiej Piotrowski <bpiotrowski@archlinux.org>');
  });
});

describe('parseSnapList', () => {
  it('reads the columns, drops verification marks and skips disabled revisions', () => {
    const entries = parseSnapList(ownText('linux/snap-list.txt'));
    expect(entries).toEqual([
      { name: 'core22', version: '20240408', publisher: 'canonical', source: 'snap' },
      { name: 'firefox', version: '125.0.2-1', publisher: 'mozilla', source: 'snap' },
      { name: 'lxd', version: '5.21.1-2d13beb', publisher: 'canonical', source: 'snap' },
      { name: 'hello-world', version: '6.4', publisher: 'canonical', source: 'snap' },
      { name: 'my-local-tool', version: '0.3', source: 'snap' },
    ]);
  });

  it.skipIf(!hasRecorded)('reads a recorded snap list: 5 snaps', () => {
    const entries = parseSnapList(recordedText('linux-packages/snap'));
    expect(entries.map((e) => `${e.name} ${e.version} ${e.publisher}`)).toEqual([
      'core18 20191030 canonical', 'kde-frameworks-5-core18 5.61.0 kde', 'kdenlive 19.08.2 kde', 'scrcpy v1.10 sisco311', 'snapd 2.42 canonical',
    ]);
  });
});

describe('parseFlatpakList', () => {
  it('reads the columns the agent asks for', () => {
    const entries = parseFlatpakList(ownText('linux/flatpak-list.txt'));
    expect(entries).toEqual([
      { name: 'Firefox', version: '125.0.3', arch: 'x86_64', productCode: 'org.mozilla.firefox//stable', source: 'flatpak' },
      { name: 'Freedesktop Platform', version: '23.08.18', arch: 'x86_64', productCode: 'org.freedesktop.Platform//23.08', source: 'flatpak' },
      { name: 'Mesa', version: '24.0.5', arch: 'x86_64', productCode: 'org.freedesktop.Platform.GL.default//23.08', source: 'flatpak' },
      { name: 'com.example.NoVersion', arch: 'x86_64', productCode: 'com.example.NoVersion//stable', source: 'flatpak' },
    ]);
  });

  it.skipIf(!hasRecorded)('reads a recorded list in the application,branch,installation,name columns: 12 refs', () => {
    const entries = parseFlatpakList(recordedText('linux-packages/flatpak'), ['application', 'branch', 'installation', 'name']);
    expect(entries).toHaveLength(12);
    expect(entries[0]).toEqual({ name: 'VSCodium', productCode: 'com.vscodium.codium//stable', source: 'flatpak' });
    expect(entries[1]).toEqual({ name: 'default', version: '19.08', productCode: 'org.freedesktop.Platform.GL.default//19.08', source: 'flatpak' });
    expect(entries.filter((e) => e.name === 'GNOME Application Platform version 3.38')).toHaveLength(1);
  });
});

describe('parseNixStorePaths', () => {
  it('keeps packages once however many outputs are live, and skips derivations, sources and files', () => {
    const entries = parseNixStorePaths(ownText('linux/nix-live.txt'));
    expect(entries.map((e) => `${e.name} ${e.version}`)).toEqual([
      'firefox 125.0.3', 'openssl 3.0.13', 'python3.11-requests 2.31.0', 'neovim-unwrapped 0.9.5', 'tree-sitter-grammars-unstable 2024-01-12',
    ]);
    expect(entries.every((e) => e.source === 'nix')).toBe(true);
  });

  it.skipIf(!hasRecorded)('reads a recorded nix-store --gc --print-live: 23 paths, 9 packages', () => {
    const entries = parseNixStorePaths(recordedText('linux-packages/nix'));
    expect(entries.map((e) => `${e.name} ${e.version}`)).toEqual([
      'newt 0.52.15', 'newt 0.52.14', 'python3.5-pycairo 1.10.0', 'mmorph 1.0.9', 'grilo-plugins 0.2.13',
      'dbus 1.10.14', 'python3.6-decorator 4.0.11', 'libtasn1 4.10', 'xf86miscproto 0.9.3',
    ]);
  });
});
