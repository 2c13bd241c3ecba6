import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesystemOf, parseMountinfo, readDiskNames, readLinuxFilesystems } from '../../agent/src/collectors/linux-filesystems.js';
import { wmiFolderVolumes, wmiLogicalDisks } from '../../agent/src/collectors/wmi-filesystems.js';
import { parseSystemProfilerVolumes } from '../../agent/src/collectors/macos-system-profiler.js';
import { parseWmicList } from '../../agent/src/collectors/wmi-objects.js';
import { hasRecorded, own, ownText, recordedText } from './fixture-files.js';

describe('Linux filesystems', () => {
  it('reads mountinfo: pseudo and memory filesystems out, escaped paths decoded, an overmounted path as it is seen', () => {
    expect(parseMountinfo(ownText('sys/mountinfo.txt'))).toEqual([
      { mountPoint: '/', type: 'ext4', source: '/dev/sda2' },
      { mountPoint: '/boot/efi', type: 'vfat', source: '/dev/sda1' },
      { mountPoint: '/home', type: 'xfs', source: '/dev/mapper/vg0-home' },
      { mountPoint: '/mnt/backup disk', type: 'ext4', source: '/dev/sdb1' },
      { mountPoint: '/srv/data', type: 'nfs4', source: 'nas.example.com:/export/data' },
      { mountPoint: '/snap/core22/1380', type: 'squashfs', source: '/dev/loop3' },
    ]);
  });

  it('keeps a container\'s layered root, and leaves out the layers a container host mounts for its containers', () => {
    expect(parseMountinfo('600 500 0:52 / / rw,relatime - overlay overlay rw,lowerdir=/l/A\n')).toEqual([{ mountPoint: '/', type: 'overlay', source: 'overlay' }]);
    expect(parseMountinfo(ownText('sys/mountinfo.txt')).some((m) => m.type === 'overlay')).toBe(false);
  });

  it('names a filesystem by its device\'s label and uuid, and leaves one without blocks out', () => {
    const mount = { mountPoint: '/home', type: 'xfs', source: '/dev/mapper/vg0-home' };
    const labels = new Map([['/dev/dm-1', 'home']]);
    const uuids = new Map([['/dev/dm-1', '0b6f1c9e-7d0c-4d43-9d8a-3f1c2a1b0e11']]);
    expect(filesystemOf(mount, { sizeBytes: 100 * 2 ** 30, freeBytes: 40 * 2 ** 30 }, labels, uuids, '/dev/dm-1')).toEqual({
      mountPoint: '/home', type: 'xfs', sizeBytes: 100 * 2 ** 30, freeBytes: 40 * 2 ** 30, device: '/dev/mapper/vg0-home',
      label: 'home', uuid: '0b6f1c9e-7d0c-4d43-9d8a-3f1c2a1b0e11',
    });
    expect(filesystemOf(mount, { sizeBytes: 0, freeBytes: 0 }, labels, uuids)).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('finds on this machine every filesystem df shows that holds data, with df\'s size and type', async () => {
    const df = execFileSync('df', ['-P', '-T', '-k'], { encoding: 'utf8' }).trim().split('\n').slice(1).map((line) => {
      const [device, type, blocks, , available, , ...mount] = line.split(/\s+/);
      return { device, type, sizeKb: Number(blocks), availableKb: Number(available), mountPoint: mount.join(' ') };
    }).filter((f) => !['tmpfs', 'devtmpfs', 'ramfs'].includes(f.type!) && f.sizeKb > 0);
    expect(df.length).toBeGreaterThan(0);
    const ours = await readLinuxFilesystems();
    for (const f of df) {
      const mine = ours.find((o) => o.mountPoint === f.mountPoint);
      expect(mine, f.mountPoint).toMatchObject({ type: f.type, sizeBytes: f.sizeKb * 1024 });
      expect(Math.abs(mine!.freeBytes! - f.availableKb * 1024)).toBeLessThan(256 * 2 ** 20);
    }
    expect(ours.map((o) => o.type)).not.toContain('proc');
  });
});

describe('device names', () => {
  it('maps each device to its label, decoding what udev escapes in link names', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'steward-disk-'));
    try {
      mkdirSync(path.join(root, 'by-label'));
      symlinkSync('../../sda1', path.join(root, 'by-label', 'EFI\\x20System'));
      symlinkSync('../../dm-1', path.join(root, 'by-label', 'home'));
      expect(await readDiskNames('by-label', root)).toEqual(new Map([
        [path.resolve(root, '..', 'sda1'), 'EFI System'], [path.resolve(root, '..', 'dm-1'), 'home'],
      ]));
      expect(await readDiskNames('by-uuid', root)).toEqual(new Map());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Windows volumes (Win32_LogicalDisk)', () => {
  it('lists each lettered drive with its file system, size, free space, label and serial; empty drives out, shares with their path', () => {
    expect(wmiLogicalDisks(parseWmicList(own('windows/wmic-logicaldisk.txt')))).toEqual([
      { mountPoint: 'C:', type: 'NTFS', sizeBytes: 254721126400, freeBytes: 81604378624, device: undefined, label: 'Windows', uuid: '6AE1F0C2' },
      { mountPoint: 'E:', type: 'FAT32', sizeBytes: 15627976704, freeBytes: 15523119104, device: undefined, label: 'USB & Co', uuid: '1C2E-0A71' },
      { mountPoint: 'Z:', type: 'NTFS', sizeBytes: 4398046511104, freeBytes: 1099511627776, device: '\\\\fileserver\\shared', label: 'Shared', uuid: undefined },
    ]);
  });
});

describe('Windows volumes mounted on folders (Win32_Volume)', () => {
  it('adds the volumes mounted on a folder; lettered and unmounted ones are left to Win32_LogicalDisk or out', () => {
    expect(wmiFolderVolumes(parseWmicList(own('windows/wmic-volume.txt')))).toEqual([
      { mountPoint: 'C:\\mnt\\data', type: 'ReFS', sizeBytes: 2000381014016, freeBytes: 1500000000000, label: 'Data', uuid: '12345678' },
    ]);
  });
});

describe('macOS volumes (system_profiler)', () => {
  it.skipIf(!hasRecorded)('reads the storage report of an Apple M1 (macOS 11): volumes with their exact byte counts', () => {
    expect(parseSystemProfilerVolumes(recordedText('macos/11.0-apple-M1'))).toEqual([
      { mountPoint: '/System/Volumes/Data', type: 'APFS', sizeBytes: 494384795648, freeBytes: 463117873152, device: '/dev/disk3s5', label: 'Data', uuid: 'A75C2C66-4F9F-44D3-9A7F-B67789E974AB' },
      { mountPoint: '/', type: 'APFS', sizeBytes: 494384795648, freeBytes: 463117873152, device: '/dev/disk3s1s1', label: 'Macintosh HD', uuid: '6C13AE2C-BFF3-459C-91B3-E4C4AD9BBBC3' },
      { mountPoint: '/Volumes/AnyDesk', type: 'HFS+', sizeBytes: 27774976, freeBytes: 5406720, device: '/dev/disk4s1', label: 'AnyDesk', uuid: '0F95AD57-288A-4E1A-978D-435EBDDFF361' },
    ]);
  });

  it.skipIf(!hasRecorded)('reads the volumes listed under each drive of an Intel Mac (10.6), automounts left out', () => {
    const volumes = parseSystemProfilerVolumes(recordedText('macos/10.6-intel'));
    expect(volumes.map((v) => [v.mountPoint, v.label, v.type, v.sizeBytes, v.freeBytes, v.device])).toEqual([
      ['/Volumes/Video', 'Video', 'Journaled HFS+', 199915397120, 38726303744, '/dev/disk2s3'],
      ['/', 'osx', 'Journaled HFS+', 216532934656, 2389823488, '/dev/disk0s2'],
      ['/Volumes/Sauvegardes', 'Sauvegardes', 'Journaled HFS+', 103061807104, 1759088640, '/dev/disk0s3'],
      ['/Volumes/SANS TITRE', 'SANS TITRE', 'MS-DOS FAT32', 2109671424, 2105061376, '/dev/disk1s1'],
    ]);
  });
});

describe('mountinfo of this machine', () => {
  it.skipIf(!existsSync('/proc/self/mountinfo'))('holds the root filesystem', async () => {
    expect((await readLinuxFilesystems()).some((f) => f.mountPoint === '/')).toBe(true);
  });
});
