import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLinuxMachineId } from '../../agent/src/collectors/machine-id.js';

describe('the OS install\'s machine id', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-machine-id-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('reads systemd\'s id, and D-Bus\'s when systemd has none', async () => {
    expect(await readLinuxMachineId([file('a', '3D1219C7C4C5404AAA1F6D2A48ADFDA4\n')])).toBe('3d1219c7c4c5404aaa1f6d2a48adfda4');
    expect(await readLinuxMachineId([path.join(dir, 'absent'), file('b', 'b08dfa6083e7567a1921a715000001fb\n')])).toBe('b08dfa6083e7567a1921a715000001fb');
  });

  it('has none for an image prepared for cloning (empty or uninitialized) or with no file', async () => {
    expect(await readLinuxMachineId([file('c', ''), file('d', 'uninitialized\n')])).toBeUndefined();
    expect(await readLinuxMachineId([path.join(dir, 'none')])).toBeUndefined();
  });
});
