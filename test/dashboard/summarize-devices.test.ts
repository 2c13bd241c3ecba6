import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deviceSummary, type DeviceSummary } from '@steward/shared';
import { operatingSystemLabel, summarizeDevices } from '../../dashboard/src/views/overview/summarize-devices.js';

function device(overrides: Partial<DeviceSummary>): DeviceSummary {
  const now = new Date().toISOString();
  return deviceSummary.parse({
    id: randomUUID(), kind: 'agent', hostname: 'host', fqdn: null, serialNumber: null, hardwareUuid: null,
    manufacturer: null, model: null, osName: null, osVersion: null, macAddresses: [], softwareCount: 0,
    firstSeen: now, lastSeen: now, online: false, ...overrides,
  });
}

describe('summarizeDevices', () => {
  it('counts agents online, SNMP devices responding and software installs', () => {
    const devices = [
      device({ kind: 'agent', online: true, softwareCount: 120 }),
      device({ kind: 'agent', online: false, softwareCount: 80 }),
      device({ kind: 'agent', online: true, softwareCount: 0 }),
      device({ kind: 'snmp', online: true, softwareCount: 4 }),
      device({ kind: 'snmp', online: false }),
    ];
    const summary = summarizeDevices(devices);
    expect(summary).toMatchObject({ size: 5, agents: 3, agentsOnline: 2, snmpResponding: 1, softwareInstalls: 204 });
  });

  it('ranks operating systems, largest first, and folds the tail into "Other"', () => {
    const systems = [
      ...Array.from({ length: 5 }, () => ({ osName: 'Ubuntu', osVersion: '24.04' })),
      ...Array.from({ length: 3 }, () => ({ osName: 'Microsoft Windows 11 Pro', osVersion: '23H2' })),
      { osName: 'FreeBSD', osVersion: '14.0' },
      { osName: 'OpenBSD', osVersion: '7.5' },
      { osName: null, osVersion: null },
    ];
    const summary = summarizeDevices(systems.map((s) => device(s)), 3);
    expect(summary.byOperatingSystem).toEqual([
      { label: 'Ubuntu 24.04', value: 5 },
      { label: 'Microsoft Windows 11 Pro 23H2', value: 3 },
      { label: 'Other', value: 3 },
    ]);
    const total = summary.byOperatingSystem.reduce((sum, entry) => sum + entry.value, 0);
    expect(total).toBe(systems.length);
  });

  it('does not repeat a version the name already carries', () => {
    expect(operatingSystemLabel({ osName: 'Ubuntu 22.04.4 LTS', osVersion: '22.04.4' })).toBe('Ubuntu 22.04.4 LTS');
    expect(operatingSystemLabel({ osName: 'Debian GNU/Linux', osVersion: '12' })).toBe('Debian GNU/Linux 12');
    expect(operatingSystemLabel({ osName: '  ', osVersion: '12' })).toBe('Unknown');
  });
});
