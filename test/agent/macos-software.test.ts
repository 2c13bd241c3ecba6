import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApplicationsJson, parseApplicationsText, parseApplicationsXml } from '../../agent/src/collectors/macos-applications.js';
import { parsePlistXml } from '../../agent/src/collectors/plist-xml.js';
import { parsePkgInfo, parsePkgutilPackages } from '../../agent/src/collectors/pkgutil.js';
import { collectHomebrew, parseBrewInfoJson, parseBrewListVersions } from '../../agent/src/collectors/homebrew.js';
import { hasRecorded, ownText, recordedText } from './fixture-files.js';

describe('system_profiler applications', () => {
  it('reads the JSON form, naming publishers by their signing identity', () => {
    expect(parseApplicationsJson(ownText('macos/applications.json'))).toEqual([
      { name: 'Google Chrome', version: '124.0.6367.61', publisher: 'Google LLC', installDate: '2024-04-18', installLocation: '/Applications/Google Chrome.app', source: 'app-bundle' },
      { name: 'Safari', version: '17.4', publisher: 'Apple Inc.', installDate: '2024-03-07', installLocation: '/Applications/Safari.app', source: 'app-bundle' },
      { name: 'Übersicht', version: '1.6.77', installDate: '2021-11-02', installLocation: '/Applications/Übersicht.app', source: 'app-bundle' },
      { name: 'Helper Without Version', installDate: '2020-01-01', installLocation: '/Library/Application Support/Helper/Helper.app', source: 'app-bundle' },
    ]);
  });

  it('reads the same applications from the XML and text forms', () => {
    const word = { name: 'Microsoft Word', version: '16.80', publisher: 'Microsoft Corporation', installDate: '2023-12-12', installLocation: '/Applications/Microsoft Word.app', source: 'app-bundle' };
    const tool = { name: 'R & D Tool', version: '2.0', installLocation: '/Applications/R & D Tool.app', source: 'app-bundle' };
    expect(parseApplicationsXml(ownText('macos/applications.xml'))).toEqual([word, tool]);
    expect(parseApplicationsText(ownText('macos/applications.txt'))).toEqual([word, tool]);
  });

  it('parses plist values of every kind', () => {
    expect(parsePlistXml('<plist version="1.0"><dict><key>a</key><integer>3</integer><key>b</key><false/><key>c</key><data>AAE=</data><key>d</key><array/><key>e</key><real>1.5</real></dict></plist>'))
      .toEqual({ a: 3, b: false, c: Uint8Array.from([0, 1]), d: [], e: 1.5 });
  });

  it.skipIf(!hasRecorded)('reads a recorded Mac with 291 applications alike in its XML and text reports', () => {
    const xml = parseApplicationsXml(recordedText('macos/10.8-system_profiler_SPApplicationsDataType_-xml.example.xml'));
    const text = parseApplicationsText(recordedText('macos/10.8-system_profiler_SPApplicationsDataType.example.txt'));
    expect(xml).toHaveLength(291);
    const key = (e: { name: string; version?: string; installLocation?: string }) => `${e.name}|${e.version}|${e.installLocation}`;
    expect(text.map(key)).toEqual(xml.map(key));
    expect(xml.find((e) => e.name === 'Préférences Système')).toMatchObject({ version: '7.0', installLocation: '/Applications/System Preferences.app', installDate: '2009-06-27' });
    expect(xml.find((e) => e.name === 'Google Chrome')).toMatchObject({ version: '49.0.2623.112', installDate: '2016-04-06' });
  });
});

describe('pkgutil', () => {
  it('reads package receipts', () => {
    expect(parsePkgutilPackages('com.apple.pkg.Core\norg.python.Python.PythonFramework-3.12\n')).toEqual(['com.apple.pkg.Core', 'org.python.Python.PythonFramework-3.12']);
    expect(parsePkgInfo(ownText('macos/pkg-info.txt'))).toEqual([
      {
        name: 'com.microsoft.package.Microsoft_Word.app', version: '16.80.23121017', installDate: '2023-12-12', installLocation: '/Applications',
        productCode: 'com.microsoft.package.Microsoft_Word.app', source: 'pkgutil',
      },
      {
        name: 'org.python.Python.PythonFramework-3.12', version: '3.12.1', installDate: '2023-12-19', installLocation: '/',
        productCode: 'org.python.Python.PythonFramework-3.12', source: 'pkgutil',
      },
    ]);
  });
});

describe('Homebrew', () => {
  it('reads brew list --versions and brew info --json=v2', () => {
    expect(parseBrewListVersions(ownText('macos/brew-list-versions.txt')).map((e) => `${e.name} ${e.version}`)).toEqual(['git 2.44.0', 'openssl@3 3.2.1', 'openssl@3 3.3.0', 'wget 1.24.5']);
    expect(parseBrewInfoJson(ownText('macos/brew-info.json'))).toEqual([
      { name: 'git', version: '2.44.0', publisher: 'homebrew/core', productCode: 'git', source: 'homebrew' },
      { name: 'openssl@3', version: '3.3.0', publisher: 'homebrew/core', productCode: 'openssl@3', source: 'homebrew' },
      { name: 'Microsoft Visual Studio Code', version: '1.88.1', publisher: 'homebrew/cask', productCode: 'visual-studio-code', source: 'homebrew' },
    ]);
  });

  it('reads a Cellar and a Caskroom laid out on disk', async () => {
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'steward-brew-'));
    try {
      for (const dir of ['Cellar/git/2.44.0', 'Cellar/openssl@3/3.3.0', 'Caskroom/firefox/125.0.3', 'Caskroom/.metadata']) mkdirSync(path.join(prefix, dir), { recursive: true });
      const entries = await collectHomebrew([prefix]);
      expect(entries.map((e) => `${e.name} ${e.version} ${e.installLocation}`).sort()).toEqual([
        `firefox 125.0.3 ${prefix}/Caskroom/firefox/125.0.3`, `git 2.44.0 ${prefix}/Cellar/git/2.44.0`, `openssl@3 3.3.0 ${prefix}/Cellar/openssl@3/3.3.0`,
      ]);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
