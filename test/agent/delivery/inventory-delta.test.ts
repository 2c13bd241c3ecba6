import { beforeAll, describe, expect, it } from 'vitest';
import type { InventoryContent, SoftwareEntry } from '@steward/shared';
import { contentOf, deltaReport } from '../../../agent/src/report.js';
import { InventorySources } from '../../../agent/src/sources.js';
import { hashInventory } from '../../../agent/src/content-hash.js';
import { applyInventoryChanges, diffInventory, diffSoftwareLists, volatileChanges } from '../../../agent/src/inventory-delta.js';

/** This machine's inventory, as the agent reads it: the realistic base the changes below apply to. */
let machine: InventoryContent;
beforeAll(async () => {
  machine = contentOf(await new InventorySources().collect());
});

const clone = (content: InventoryContent): InventoryContent => structuredClone(content);
const tool = (name: string, version: string): SoftwareEntry => ({ name, version, source: 'other', publisher: 'Example Ltd' });

type Change = [string, (c: InventoryContent) => void];
const CHANGES: Change[] = [
  ['one package added', (c) => c.software.push(tool('acme-agent', '1.0'))],
  ['one package removed', (c) => c.software.splice(0, 1)],
  ['one package upgraded', (c) => { c.software[0] = { ...c.software[0]!, version: `${c.software[0]!.version ?? ''}+1` }; }],
  ['a licence appearing on a package', (c) => { c.software[0] = { ...c.software[0]!, licence: { status: 'licensed', partialProductKey: 'XYZ12' } }; }],
  ['memory grown', (c) => { c.hardware.memory.totalBytes = (c.hardware.memory.totalBytes ?? 0) + 2 ** 30; }],
  ['a disk added', (c) => c.hardware.disks.push({ name: 'sdz', sizeBytes: 10 ** 12, type: 'SSD' })],
  ['a field dropped from the OS', (c) => { c.os.kernel = undefined; }],
  ['a user logging on', (c) => { c.os.users = { ...c.os.users, loggedOn: [...(c.os.users?.loggedOn ?? []), 'ann'] }; }],
  ['the host renamed', (c) => { c.identity.hostname = `${c.identity.hostname}-renamed`; }],
  ['the same package twice, then once', (c) => { c.software.push(tool('dup', '1'), tool('dup', '1')); }],
];

describe('inventory deltas on this machine\'s inventory', () => {
  it.each(CHANGES)('%s: the delta leads to exactly the new inventory, and is small', (_name, change) => {
    const before = clone(machine);
    const after = clone(machine);
    change(after);
    const changes = diffInventory(before, after);
    expect(hashInventory(applyInventoryChanges(before, changes))).toBe(hashInventory(after));
    expect(hashInventory(after)).not.toBe(hashInventory(before));
    expect(JSON.stringify(changes).length).toBeLessThan(2048);
  });

  it('removes one of two identical entries, not both', () => {
    const two = clone(machine);
    two.software.push(tool('dup', '1'), tool('dup', '1'));
    const one = clone(machine);
    one.software.push(tool('dup', '1'));
    const changes = diffInventory(two, one);
    expect(changes.software).toEqual({ added: [], removed: [tool('dup', '1')] });
    expect(applyInventoryChanges(two, changes).software.filter((s) => s.name === 'dup')).toHaveLength(1);
  });

  it('finds nothing between an inventory and itself reordered', () => {
    const shuffled = clone(machine);
    shuffled.software.reverse();
    expect(diffInventory(machine, shuffled)).toEqual({});
    expect(hashInventory(shuffled)).toBe(hashInventory(machine));
  });

  it('leaves the uptime out of the hash but carries it', () => {
    const later = clone(machine);
    later.os.uptimeSeconds = (machine.os.uptimeSeconds ?? 0) + 3600;
    expect(hashInventory(later)).toBe(hashInventory(machine));
    expect(volatileChanges(machine, later)).toEqual({ os: { uptimeSeconds: later.os.uptimeSeconds } });
  });

  it('sends an unchanged cycle in a few hundred bytes', () => {
    const later = clone(machine);
    later.os.uptimeSeconds = (machine.os.uptimeSeconds ?? 0) + 60;
    const hash = hashInventory(machine);
    const report = deltaReport(crypto.randomUUID(), hash, hash, volatileChanges(machine, later));
    expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThan(512);
  });

  it('pairs software as multisets whatever the order', () => {
    const a = [tool('x', '1'), tool('y', '1'), tool('x', '1')];
    const b = [tool('x', '1'), tool('y', '2')];
    expect(diffSoftwareLists(a, b)).toEqual({ added: [tool('y', '2')], removed: [tool('x', '1'), tool('y', '1')] });
  });
});
