// The agent bench compares hardware facts with fusioninventory-agent's: the counting itself is tested
// here, on part of an inventory fusioninventory-agent --local wrote on this machine.
import { describe, expect, it } from 'vitest';
import { countFusionInventory, stewardHardwareFields } from '../bench/agent.js';
import { ownText } from './fixture-files.js';

describe('hardware facts counted alike on both sides', () => {
  it('counts fusioninventory\'s facts once: interface records merged, virtual interfaces and CAPTION copies left out', () => {
    // Worked out by hand: controllers 7 + 10 (CAPTION repeats NAME), eth0 merged from its three
    // address records 16, lo and ifb left out, CPU 8, storage 6, MEMORY and VMSYSTEM 2.
    expect(countFusionInventory(ownText('fusioninventory/local-inventory.ocs'))).toEqual({
      software: 2, hardwareFields: 49, hardwareFieldsAsWritten: 91,
    });
  });

  it('counts our non-empty leaves, virtual interfaces left out alike', () => {
    expect(stewardHardwareFields({
      cpu: { cores: 2, brand: '' },
      networkInterfaces: [{ name: 'eth0', virtual: false, ipv4: ['192.0.2.2'] }, { name: 'docker0', virtual: true, ipv4: ['172.17.0.1'] }],
    } as Parameters<typeof stewardHardwareFields>[0])).toBe(4);
  });
});
