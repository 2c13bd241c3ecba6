import { describe, expect, it } from 'vitest';
import { softwareEntry, type SoftwareEntry } from '@steward/shared';
import { selectSoftware, softwareSources } from '../../dashboard/src/views/device/software-table-state.js';

const entries: SoftwareEntry[] = [
  { name: 'openssl', version: '3.0.13-1~deb12u1', publisher: 'Debian OpenSSL Team', source: 'dpkg' },
  { name: 'libssl3', version: '3.0.13-1~deb12u1', publisher: 'Debian OpenSSL Team', source: 'dpkg' },
  { name: 'Mozilla Firefox', version: '125.0.2', publisher: 'Mozilla', source: 'msi', installDate: '2024-04-24' },
  { name: 'Firefox', version: '125.0.3', source: 'flatpak' },
  { name: 'python3.11', version: '3.11.2-6', source: 'dpkg', installDate: '2023-06-10' },
  { name: 'python3.9', version: '3.9.2-1', source: 'dpkg', installDate: '2021-01-02' },
].map((entry) => softwareEntry.parse(entry));

describe('selectSoftware', () => {
  it('filters on name, version and publisher, without regard to case', () => {
    const byPublisher = selectSoftware(entries, { text: 'openssl team', source: '', sort: 'name', order: 'asc' });
    expect(byPublisher.map((e) => e.name)).toEqual(['libssl3', 'openssl']);
    const byVersion = selectSoftware(entries, { text: '125.0', source: '', sort: 'name', order: 'asc' });
    expect(byVersion.map((e) => e.name)).toEqual(['Firefox', 'Mozilla Firefox']);
  });

  it('filters on the source', () => {
    const flatpaks = selectSoftware(entries, { text: 'firefox', source: 'flatpak', sort: 'name', order: 'asc' });
    expect(flatpaks.map((e) => e.source)).toEqual(['flatpak']);
  });

  it('sorts numbers in names as numbers', () => {
    const sorted = selectSoftware(entries, { text: 'python', source: '', sort: 'name', order: 'asc' });
    expect(sorted.map((e) => e.name)).toEqual(['python3.9', 'python3.11']);
  });

  it('keeps unknown values last in both directions', () => {
    for (const order of ['asc', 'desc'] as const) {
      const sorted = selectSoftware(entries, { text: '', source: '', sort: 'installDate', order });
      const dates = sorted.map((e) => e.installDate);
      expect(dates.slice(0, 3).every(Boolean), order).toBe(true);
      expect(dates.slice(3).every((d) => d === undefined), order).toBe(true);
      expect(dates[0]).toBe(order === 'asc' ? '2021-01-02' : '2024-04-24');
    }
  });

  it('leaves the device\'s own list untouched', () => {
    const before = entries.map((e) => e.name);
    selectSoftware(entries, { text: '', source: '', sort: 'name', order: 'desc' });
    expect(entries.map((e) => e.name)).toEqual(before);
  });

  it('lists each source once', () => {
    expect(softwareSources(entries)).toEqual(['dpkg', 'flatpak', 'msi']);
  });
});
