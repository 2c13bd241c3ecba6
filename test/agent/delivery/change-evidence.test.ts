import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamps } from '../../../agent/src/change-evidence.js';
import { SourceCache } from '../../../agent/src/source-cache.js';
import { InventorySources } from '../../../agent/src/sources.js';
import { parseExtraSoftware } from '../../../agent/src/extra-software.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'steward-evidence-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Replaces a file the way package managers do: a new file renamed over the old one. */
function replaceFile(file: string, text: string): void {
  writeFileSync(`${file}.new`, text);
  renameSync(`${file}.new`, file);
}

describe('file stamps', () => {
  it('move when a file is replaced, rewritten in place, or touched', async () => {
    const file = path.join(dir, 'status');
    writeFileSync(file, 'Package: a\n');
    const first = await fileStamps([file]);
    expect(await fileStamps([file])).toBe(first);
    replaceFile(file, 'Package: a\n');
    const replaced = await fileStamps([file]);
    expect(replaced).not.toBe(first);
    writeFileSync(file, 'Package: b\n');
    const rewritten = await fileStamps([file]);
    expect(rewritten).not.toBe(replaced);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await fileStamps([file])).not.toBe(rewritten);
  });

  it('tell a missing file from a present one', async () => {
    const file = path.join(dir, 'later');
    const absent = await fileStamps([file]);
    writeFileSync(file, '');
    expect(await fileStamps([file])).not.toBe(absent);
  });

  it('see a version directory added one level down when the path ends in a separator', async () => {
    const cellar = path.join(dir, 'Cellar');
    mkdirSync(path.join(cellar, 'wget', '1.21'), { recursive: true });
    const before = await fileStamps([`${cellar}/`]);
    mkdirSync(path.join(cellar, 'wget', '1.24'));
    expect(await fileStamps([`${cellar}/`])).not.toBe(before);
  });
});

describe('the source cache', () => {
  function countingSource(file: string) {
    const source = { name: 'test', reads: 0, read: async () => ++source.reads, evidence: () => fileStamps([file]) };
    return source;
  }

  it('reads a source again only when its evidence moved', async () => {
    const file = path.join(dir, 'db');
    writeFileSync(file, '1');
    const cache = new SourceCache(3_600_000);
    const source = countingSource(file);
    expect(await cache.get(source)).toBe(1);
    expect(await cache.get(source)).toBe(1);
    expect(await cache.get(source)).toBe(1);
    replaceFile(file, '2');
    expect(await cache.get(source)).toBe(2);
    expect(await cache.get(source)).toBe(2);
  });

  it('reads everything again once the full-check period has passed', async () => {
    const file = path.join(dir, 'db');
    writeFileSync(file, '1');
    let now = 0;
    const cache = new SourceCache(60_000, () => now);
    const source = countingSource(file);
    await cache.get(source);
    now = 59_999;
    expect(await cache.get(source)).toBe(1);
    now = 60_000;
    expect(await cache.get(source)).toBe(2);
  });

  it('reads a source without evidence every time', async () => {
    const cache = new SourceCache(3_600_000);
    let reads = 0;
    const source = { name: 'no-evidence', read: async () => ++reads };
    await cache.get(source);
    await cache.get(source);
    expect(reads).toBe(2);
  });

  it('keeps the last good reading when a source fails, and tries again next time', async () => {
    const file = path.join(dir, 'db');
    writeFileSync(file, '1');
    const cache = new SourceCache(3_600_000);
    let fail = false;
    let reads = 0;
    const source = { name: 'flaky', evidence: () => fileStamps([file]), read: async () => { reads++; if (fail) throw new Error('busy'); return reads; } };
    expect(await cache.get(source)).toBe(1);
    fail = true;
    replaceFile(file, '2');
    expect(await cache.get(source)).toBe(1);
    fail = false;
    expect(await cache.get(source)).toBe(3);
  });
});

describe('the extra software file', () => {
  it('reads an array or {"software": [...]}, with "other" as the default source', () => {
    const entries = [{ name: 'Acme Plotter', version: '7.2', publisher: 'Acme' }, { name: 'vendor-cli', source: 'dpkg' }];
    const expected = [{ name: 'Acme Plotter', version: '7.2', publisher: 'Acme', source: 'other' }, { name: 'vendor-cli', source: 'dpkg' }];
    expect(parseExtraSoftware(JSON.stringify(entries))).toEqual({ entries: expected, skipped: 0 });
    expect(parseExtraSoftware(JSON.stringify({ software: entries }))).toEqual({ entries: expected, skipped: 0 });
  });

  it('leaves out entries that do not fit and keeps the rest', () => {
    const parsed = parseExtraSoftware(JSON.stringify([{ version: '1' }, { name: 'ok' }, { name: 'bad', source: 'floppy' }, 'text']));
    expect(parsed).toEqual({ entries: [{ name: 'ok', source: 'other' }], skipped: 3 });
  });

  it('refuses a file that is not a list', () => {
    expect(() => parseExtraSoftware('{"name": "x"}')).toThrow(/array/);
  });

  it('is one of the inventory sources, re-read when it is replaced', async () => {
    const file = path.join(dir, 'extra.json');
    replaceFile(file, JSON.stringify([{ name: 'tool-a', version: '1' }]));
    const sources = new InventorySources({ extraSoftwareFile: file, fullCheckSeconds: 3600, platform: 'aix' });
    expect((await sources.collect()).software).toEqual([{ name: 'tool-a', version: '1', source: 'other' }]);
    expect(sources.cache.lastRead).toContain('software:extra');
    await sources.collect();
    expect(sources.cache.lastRead).not.toContain('software:extra');
    replaceFile(file, JSON.stringify([{ name: 'tool-a', version: '2' }]));
    expect((await sources.collect()).software).toEqual([{ name: 'tool-a', version: '2', source: 'other' }]);
  });
});
