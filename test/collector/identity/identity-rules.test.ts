import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../../collector/src/identity/evidence.js';
import { identityRules, judgeEvidence } from '../../../collector/src/identity/identity-rules.js';

const laptop = {
  hardwareUuid: '4C4C4544-0042-3510-8052-B4C04F4E3732', serialNumber: ' czc1234xyz ', machineId: '3d1219c7-c4c5-404a-aa1f-6d2a48adfda4',
  macAddresses: ['3C:52:82:11:22:33', '02:42:ac:11:00:02', '00:50:56:a1:b2:c3', 'a0:ce:c8:00:00:01'],
};

describe('device identity evidence and rules', () => {
  it('keeps only usable evidence: junk serials and UUIDs, locally administered, virtual-platform and virtual-interface MACs never count', () => {
    const evidence = evidenceOf(laptop, { networkInterfaces: [{ name: 'dock0', mac: 'a0:ce:c8:00:00:01', virtual: true, ipv4: [], ipv6: [] }] });
    expect(evidence).toEqual({
      hardwareUuid: '4c4c4544004235108052b4c04f4e3732', serial: 'CZC1234XYZ', machineId: '3d1219c7c4c5404aaa1f6d2a48adfda4', macs: ['3c:52:82:11:22:33'],
    });
    expect(evidenceOf({ hardwareUuid: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', serialNumber: 'To Be Filled By O.E.M.', machineId: '0000000000', macAddresses: ['00:00:00:00:00:00'] }))
      .toEqual({ macs: [] });
  });

  it('judges by the first rule that holds, as the data file orders them', () => {
    const base = evidenceOf(laptop);
    const judge = (change: Partial<typeof base>) => judgeEvidence(base, { ...base, ...change });
    expect(judge({})).toMatchObject({ verdict: 'same-device', rule: 'same-hardware' });
    expect(judge({ machineId: 'aaaaaaaabbbbbbbb' })).toMatchObject({ verdict: 'same-device', rule: 'same-hardware' });
    expect(judge({ hardwareUuid: '11111111222233334444555566667777', serial: 'VMWARE-56 4D' })).toMatchObject({ verdict: 'separate', rule: 'cloned-vm-template' });
    expect(judge({ hardwareUuid: '11111111222233334444555566667777' })).toMatchObject({ verdict: 'same-device', rule: 'motherboard-swap-same-install' });
    expect(judge({ hardwareUuid: '11111111222233334444555566667777', machineId: 'aaaaaaaabbbbbbbb' })).toMatchObject({ verdict: 'possible-duplicate', rule: 'motherboard-swap' });
    expect(judge({ serial: 'OTHER1234' })).toMatchObject({ verdict: 'possible-duplicate', rule: 'uuid-with-other-serial' });
    expect(judgeEvidence({ macs: ['3c:52:82:11:22:33'] }, { macs: ['3c:52:82:11:22:33'] })).toMatchObject({ verdict: 'possible-duplicate', rule: 'network-cards-only' });
    // A docking station's card beside a machine's own proves nothing.
    expect(judgeEvidence({ macs: ['3c:52:82:11:22:33'] }, { macs: ['3c:52:82:11:22:33', '3c:52:82:11:22:34'] })).toMatchObject({ verdict: 'separate', rule: 'no-rule' });
    expect(judgeEvidence({ macs: ['3c:52:82:11:22:33'] }, { macs: ['3c:52:82:99:99:99'] })).toMatchObject({ verdict: 'separate', rule: 'no-rule' });
  });

  it('follows the rules as given: a reordered table gives another verdict', () => {
    const rules = identityRules();
    const swapped = [rules.find((r) => r.name === 'cloned-vm-template')!, ...rules.filter((r) => r.name !== 'cloned-vm-template')];
    const base = evidenceOf(laptop);
    expect(judgeEvidence(base, { ...base, hardwareUuid: '11111111222233334444555566667777' }, swapped)).toMatchObject({ verdict: 'separate', rule: 'cloned-vm-template' });
  });
});
