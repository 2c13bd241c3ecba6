// The agent bench lists, field by field, where the agent and fusioninventory-agent agree: the
// reading of both inventories and the verdicts are tested here.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inventoryReport, type InventoryReportInput } from '@steward/shared/protocol';
import { compareFacts, fusionInventoryFacts, stewardFacts } from '../bench/agent-fields.js';
import { ownText } from './fixture-files.js';

const OS_AND_DRIVES = `
    <DRIVES>
      <FILESYSTEM>ext4</FILESYSTEM>
      <FREE>78084</FREE>
      <LABEL>root</LABEL>
      <TOTAL>258019</TOTAL>
      <TYPE>/</TYPE>
      <VOLUMN>/dev/vda</VOLUMN>
    </DRIVES>
    <OPERATINGSYSTEM>
      <ARCH>x86_64</ARCH>
      <FQDN>vm</FQDN>
      <KERNEL_VERSION>6.1.0-21-amd64</KERNEL_VERSION>
      <NAME>Debian GNU/Linux</NAME>
      <TIMEZONE>
        <NAME>UTC</NAME>
        <OFFSET>+0000</OFFSET>
      </TIMEZONE>
      <VERSION>12.11</VERSION>
    </OPERATINGSYSTEM>
  </CONTENT>`;

const fiXml = () => ownText('fusioninventory/local-inventory.ocs').replace('\n  </CONTENT>', OS_AND_DRIVES);

function report(overrides: Partial<InventoryReportInput> = {}) {
  return inventoryReport.parse({
    protocol: 1, kind: 'full', reportId: randomUUID(), agentId: randomUUID(), agentVersion: '1', collectedAt: new Date().toISOString(),
    identity: { hostname: 'vm', macAddresses: [] },
    hardware: {
      cpu: { brand: 'AMD EPYC', manufacturer: 'AMD', arch: 'x86_64', family: 25, model: 17, stepping: 1, sockets: 1, cores: 2, threads: 2 },
      memory: { totalBytes: 24105 * 2 ** 20 + 5000 },
      filesystems: [{ mountPoint: '/', type: 'ext4', sizeBytes: 258019 * 2 ** 20 + 100, freeBytes: 78100 * 2 ** 20, device: '/dev/vda', label: 'root' }],
      networkInterfaces: [
        { name: 'lo', ipv4: ['127.0.0.1'], ipv6: ['::1'], subnets: ['127.0.0.0/8', '::1/128'], status: 'up', virtual: true, type: 'loopback' },
        { name: 'eth0', mac: '02:fc:00:00:00:01', ipv4: ['192.0.2.2'], ipv6: ['fd00::2', 'fe80::fc:ff:fe00:1'], subnets: ['192.0.2.0/24', 'fd00::/64', 'fe80::/64'], gateways: ['192.0.2.1'], status: 'up', virtual: false, driver: 'virtio_net', type: 'wired' },
      ],
      controllers: [{ slot: '0000:00:03.0', name: 'Virtio 1.0 network device', driver: 'virtio-pci' }],
    },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12.11', kernel: '6.1.0-21-amd64', arch: 'x86_64', users: {} },
    software: [],
    ...overrides,
  });
}

describe('fusioninventory\'s inventory as facts', () => {
  it('merges an interface\'s address records, leaves out its placeholder MAC and speed, and reads drives and the release', () => {
    const facts = fusionInventoryFacts(fiXml());
    expect(facts.get('interface eth0 ipv6')).toBe('fd00::2, fe80::fc:ff:fe00:1');
    expect(facts.get('interface eth0 ipv4 subnets')).toBe('192.0.2.0/24');
    expect(facts.has('interface lo mac')).toBe(false);
    expect(facts.has('interface eth0 speed Mbps')).toBe(false);
    expect(facts.get('interface ifb0 status')).toBe('down');
    expect(facts.get('cpu architecture family')).toBe('x86');
    expect([facts.get('os version'), facts.get('os name'), facts.get('time zone offset')]).toEqual(['12.11', 'Debian GNU/Linux', '+0000']);
    expect([facts.get('filesystem / size MiB'), facts.get('filesystem / free MiB'), facts.get('filesystem / label')]).toEqual(['258019', '78084', 'root']);
  });
});

describe('the comparison', () => {
  it('agrees field by field, free space within what moves between two runs', () => {
    const { rows } = compareFacts(fusionInventoryFacts(fiXml()), stewardFacts(report()));
    const verdict = (field: string) => rows.find((r) => r.field === field)?.verdict;
    for (const field of ['os version', 'os name', 'os architecture', 'memory MiB', 'filesystem / size MiB', 'filesystem / free MiB', 'filesystem / device',
      'interface eth0 ipv6 subnets', 'interface eth0 ipv4 gateway', 'interface lo status', 'interface lo virtual', 'cpu architecture family']) {
      expect(verdict(field), field).toBe('agree');
    }
  });

  it('says where they differ, and calls the reference wrong only where its known defect shows', () => {
    const differing = report({ os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x86_64' } });
    const { rows } = compareFacts(fusionInventoryFacts(fiXml()), stewardFacts(differing));
    expect(rows.find((r) => r.field === 'os version')).toMatchObject({ fusionInventory: '12.11', steward: '12', verdict: 'differ' });
    const driver = rows.find((r) => r.field === 'pci 00:03.0 driver');
    expect(driver).toMatchObject({ fusionInventory: 'virtio', steward: 'virtio-pci', verdict: 'reference wrong' });
    const underscored = report({ hardware: { ...report().hardware, controllers: [{ slot: '0000:00:03.0', driver: 'virtio_pci' }] } });
    expect(compareFacts(fusionInventoryFacts(fiXml()), stewardFacts(underscored)).rows.find((r) => r.field === 'pci 00:03.0 driver')?.verdict).toBe('differ');
    expect(rows.find((r) => r.field === 'interface lo ipv6 subnets')).toMatchObject({ verdict: 'reference wrong' });
    const freeMoved = report({ hardware: { ...report().hardware, filesystems: [{ mountPoint: '/', sizeBytes: 258019 * 2 ** 20, freeBytes: 60000 * 2 ** 20 }] } });
    expect(compareFacts(fusionInventoryFacts(fiXml()), stewardFacts(freeMoved)).rows.find((r) => r.field === 'filesystem / free MiB')?.verdict).toBe('differ');
  });

  it('takes "wtmp" for no user only when wtmp records no login', () => {
    const fi = fusionInventoryFacts(fiXml());
    expect(fi.get('last logged-on user')).toBe('wtmp');
    expect(compareFacts(fi, stewardFacts(report()), { recorded: false }).rows.find((r) => r.field === 'last logged-on user')?.verdict).toBe('reference wrong');
    expect(compareFacts(fi, stewardFacts(report()), { recorded: true }).onlyFusionInventory).toContain('last logged-on user');
  });
});
