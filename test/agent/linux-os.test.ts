import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsRelease } from '../../agent/src/collectors/os-release.js';
import { parseGroup, parsePasswd, parseWho, parseLast } from '../../agent/src/collectors/unix-users.js';
import { parseLsblkEncryption } from '../../agent/src/collectors/linux-security.js';
import { ownText } from './fixture-files.js';

describe('parseOsRelease', () => {
  it('unquotes values and their shell escapes', () => {
    expect(parseOsRelease('NAME="Fedora Linux"\nVERSION_ID=39\nPRETTY_NAME="Say \\"hi\\""\n# comment\nID=\'fedora\'\n'))
      .toEqual({ NAME: 'Fedora Linux', VERSION_ID: '39', PRETTY_NAME: 'Say "hi"', ID: 'fedora' });
  });

  it.skipIf(!existsSync('/etc/os-release'))('reads this machine\'s os-release as the shell does', () => {
    const shell = execFileSync('sh', ['-c', '. /etc/os-release; printf "%s\\n%s" "$NAME" "$PRETTY_NAME"'], { encoding: 'utf8' }).split('\n');
    const fields = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    expect([fields.NAME, fields.PRETTY_NAME]).toEqual(shell);
  });
});

describe('unix users', () => {
  it('lists root and people, with full names, locked and non-login accounts disabled', () => {
    expect(parsePasswd(ownText('sys/passwd'), ownText('sys/shadow'))).toEqual([
      { name: 'root', id: '0', fullName: 'root', disabled: true },
      { name: 'alice', id: '1000', fullName: 'Alice Martin', disabled: false },
      { name: 'bob', id: '1001', fullName: 'Bob Ñúñez', disabled: true },
      { name: 'svc-backup', id: '1002', fullName: undefined, disabled: true },
    ]);
    expect(parsePasswd(ownText('sys/passwd'))[1]).toEqual({ name: 'alice', id: '1000', fullName: 'Alice Martin', disabled: undefined });
  });

  it('lists the groups that have members, with their members', () => {
    expect(parseGroup(ownText('sys/group'))).toEqual([
      { name: 'adm', id: '4', members: ['syslog', 'alice'] },
      { name: 'sudo', id: '27', members: ['alice'] },
      { name: 'ssl-cert', id: '103', members: ['postgres'] },
      { name: 'docker', id: '999', members: ['alice', 'bob'] },
    ]);
  });

  it('reads who and last', () => {
    expect(parseWho(ownText('sys/who.txt'))).toEqual(['alice', 'bob']);
    expect(parseLast(ownText('sys/last.txt'))).toBe('bob');
  });

  it('names no one when the login log records no login, and reads wtmpdb\'s last alike', () => {
    expect(parseLast('\nwtmp begins Tue May 20 00:00:00 2025\n')).toBeUndefined();
    expect(parseLast('reboot   system boot  6.1.0-21-amd64   Mon Dec  7 09:12   still running\n\nwtmpdb begins Mon Dec  7 09:12:01 2026\n')).toBeUndefined();
    expect(parseLast('carol    pts/0        192.0.2.7        Mon Dec  7 09:15   still logged in\nreboot   system boot  6.1.0-21-amd64   Mon Dec  7 09:12   still running\n\nwtmpdb begins Mon Dec  7 09:12:01 2026\n')).toBe('carol');
  });
});

describe('parseLsblkEncryption', () => {
  it('names an opened LUKS volume by where its content is mounted, and a closed one by its device', () => {
    expect(parseLsblkEncryption(ownText('sys/lsblk-luks.json'))).toEqual([
      { volume: '/', method: 'LUKS', protected: true, status: 'unlocked' },
      { volume: '/dev/sda', method: 'LUKS', protected: true, status: 'locked' },
    ]);
    expect(parseLsblkEncryption('not json')).toEqual([]);
  });
});
