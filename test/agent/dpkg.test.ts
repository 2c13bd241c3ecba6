import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseDpkgQuery, DPKG_QUERY_FORMAT } from '../../agent/src/collectors/dpkg.js';
import { hasRecorded, ownText, recordedText } from './fixture-files.js';

describe('parseDpkgQuery', () => {
  it('keeps installed and unpacked packages and skips those with only configuration files left', () => {
    const entries = parseDpkgQuery(ownText('linux/dpkg-query.txt'));
    expect(entries.map((e) => e.name)).toEqual(['adduser', 'libc6', 'half']);
    expect(entries[1]).toEqual({
      name: 'libc6', version: '2.36-9+deb12u10', arch: 'amd64',
      publisher: 'GNU Libc Maintainers <debian-glibc@lists.debian.org>', source: 'dpkg',
    });
  });

  it.skipIf(!hasRecorded)('reads a recorded dpkg-query output: 17 lines, one package with only its configuration left', () => {
    const entries = parseDpkgQuery(recordedText('linux-packages/dpkg'));
    expect(entries).toHaveLength(16);
    expect(entries.map((e) => e.name)).not.toContain('vlc-nox');
    expect(entries.at(-1)).toEqual({ name: 'jcagent', version: '0.24.2', arch: 'amd64', source: 'dpkg' });
    expect(entries[2]).toMatchObject({ name: 'apache2', version: '2.2.16-6+squeeze6', arch: 'amd64' });
  });

  it.skipIf(!hasDpkg())('reads as many packages as dpkg-query -W lists on this machine', () => {
    const listed = execFileSync('dpkg-query', ['-W'], { encoding: 'utf8' }).trim().split('\n').length;
    const parsed = parseDpkgQuery(execFileSync('dpkg-query', ['-W', '-f', DPKG_QUERY_FORMAT], { encoding: 'utf8' }));
    const statuses = execFileSync('dpkg-query', ['-W', '-f', '${Status}\\n'], { encoding: 'utf8' });
    const notPresent = statuses.split('\n').filter((s) => / (config-files|not-installed)$/.test(s)).length;
    expect(parsed.length).toBe(listed - notPresent);
  });
});

function hasDpkg(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
