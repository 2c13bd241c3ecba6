import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseDpkgQuery, DPKG_QUERY_FORMAT } from '../../agent/src/collectors/dpkg.js';

describe('parseDpkgQuery', () => {
  it('keeps installed packages and skips those with only configuration files left', () => {
    const output = [
      'adduser\tall\t3.134\tinstall ok installed\tDebian Adduser Developers <adduser@packages.debian.org>',
      'oldpkg\tamd64\t1.0-1\tdeinstall ok config-files\tSomeone <a@b>',
      'libc6\tamd64\t2.36-9+deb12u10\tinstall ok installed\tGNU Libc Maintainers <debian-glibc@lists.debian.org>',
      '',
    ].join('\n');
    const entries = parseDpkgQuery(output);
    expect(entries.map((e) => e.name)).toEqual(['adduser', 'libc6']);
    expect(entries[1]).toMatchObject({ version: '2.36-9+deb12u10', arch: 'amd64', source: 'dpkg' });
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
