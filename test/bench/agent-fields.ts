// Field by field, what the agent and fusioninventory-agent each found on one machine: each fact
// both collect, whether they agree, and the facts only one of them collects.
import type { InventoryReport } from '@steward/shared/protocol';

/** Facts keyed by field name (with the record they belong to: "filesystem / mount"), values as text. */
export type Facts = Map<string, string>;

export interface FieldRow {
  field: string;
  fusionInventory: string;
  steward: string;
  verdict: 'agree' | 'differ' | 'reference wrong';
  /** Why the reference's value is wrong, for that verdict. */
  reason?: string;
}

export interface FieldComparison {
  rows: FieldRow[];
  onlyFusionInventory: string[];
  onlySteward: string[];
}

type Section = Array<[string, string]>;

/** fusioninventory's sections as lists of (tag, value), nested tags (TIMEZONE) flattened. */
function sections(xml: string): Array<[string, Section]> {
  return [...xml.matchAll(/^ {4}<([A-Z_]+)>\n([\s\S]*?)\n {4}<\/\1>$/gm)].map(([, name, body]) => [
    name!, [...body!.matchAll(/<([A-Z_0-9]+)>([^<]*)<\/\1>/g)].map(([, tag, value]) => [tag!, decodeXml(value!.trim())] as [string, string]),
  ]);
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const values = (section: Section, tag: string) => section.filter(([t, v]) => t === tag && v !== '').map(([, v]) => v);
const first = (section: Section, tag: string) => values(section, tag)[0];
const mb = (bytes: number | undefined, unit = 1024 * 1024) => (bytes === undefined ? undefined : String(Math.floor(bytes / unit)));
const list = (items: Array<string | undefined>) => [...new Set(items.filter((i): i is string => Boolean(i)))].sort().join(', ') || undefined;
const prefixOfMask = (mask: string) => mask.includes(':')
  ? mask.split(':').filter(Boolean).reduce((n, group) => n + [...parseInt(group, 16).toString(2)].filter((b) => b === '1').length, 0)
  : mask.split('.').reduce((n, octet) => n + [...Number(octet).toString(2)].filter((b) => b === '1').length, 0);
/** mm/dd/yyyy (as dmidecode and fusioninventory write BIOS dates) to yyyy-mm-dd. */
const isoDate = (date: string | undefined) => date?.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$1-$2');
/** x86 processors of any width are one family, as fusioninventory names them all "i386". */
const archFamily = (arch: string | undefined) => (arch && /^(i\d86|x86_64|x64|amd64)$/i.test(arch) ? 'x86' : arch && /^(arm|aarch)/i.test(arch) ? 'arm' : arch);
const upper = (value: string | undefined) => value?.toUpperCase();

type FactValue = string | number | boolean | undefined;

function put(facts: Facts, field: string, value: FactValue): void {
  if (value === undefined || value === '') return;
  facts.set(field, String(value));
}

function putAll(facts: Facts, values: Record<string, FactValue>): void {
  for (const [field, value] of Object.entries(values)) put(facts, field, value);
}

/** What fusioninventory-agent --local wrote, as facts. */
export function fusionInventoryFacts(xml: string): Facts {
  const facts: Facts = new Map();
  const all = sections(xml);
  const of = (name: string) => all.filter(([n]) => n === name).map(([, s]) => s);
  const [os] = of('OPERATINGSYSTEM');
  const [hw] = of('HARDWARE');
  const [bios] = of('BIOS');
  if (os) {
    put(facts, 'os name', first(os, 'NAME'));
    put(facts, 'os version', first(os, 'VERSION'));
    put(facts, 'os kernel', first(os, 'KERNEL_VERSION'));
    put(facts, 'os architecture', first(os, 'ARCH'));
    put(facts, 'os fqdn', first(os, 'FQDN'));
  }
  if (hw) {
    put(facts, 'hostname', first(hw, 'NAME'));
    put(facts, 'memory MiB', first(hw, 'MEMORY'));
    put(facts, 'swap MiB', first(hw, 'SWAP'));
    put(facts, 'system uuid', upper(first(hw, 'UUID')));
    put(facts, 'virtualisation', first(hw, 'VMSYSTEM')?.toLowerCase());
    put(facts, 'last logged-on user', first(hw, 'LASTLOGGEDUSER'));
    put(facts, 'default gateway', first(hw, 'DEFAULTGATEWAY'));
    put(facts, 'chassis type', first(hw, 'CHASSIS_TYPE'));
  }
  if (bios) {
    for (const [tag, field] of [['SMANUFACTURER', 'system manufacturer'], ['SMODEL', 'system model'], ['SSN', 'system serial'], ['SKUNUMBER', 'system sku'],
      ['BMANUFACTURER', 'bios vendor'], ['BVERSION', 'bios version'], ['MMANUFACTURER', 'baseboard manufacturer'], ['MMODEL', 'baseboard model'], ['MSN', 'baseboard serial']] as const) {
      put(facts, field, first(bios, tag));
    }
    put(facts, 'bios date', isoDate(first(bios, 'BDATE')));
  }
  const cpus = of('CPUS');
  if (cpus.length) {
    put(facts, 'cpu brand', first(cpus[0]!, 'NAME'));
    put(facts, 'cpu manufacturer', first(cpus[0]!, 'MANUFACTURER'));
    put(facts, 'cpu architecture family', archFamily(first(cpus[0]!, 'ARCH')));
    put(facts, 'cpu family', first(cpus[0]!, 'FAMILYNUMBER'));
    put(facts, 'cpu model', first(cpus[0]!, 'MODEL'));
    put(facts, 'cpu stepping', first(cpus[0]!, 'STEPPING'));
    put(facts, 'cpu sockets', cpus.length);
    put(facts, 'cpu cores', cpus.reduce((n, c) => n + Number(first(c, 'CORE') ?? 0), 0) || undefined);
    put(facts, 'cpu threads', cpus.reduce((n, c) => n + Number(first(c, 'THREAD') ?? 0), 0) || undefined);
  }
  for (const disk of of('STORAGES')) {
    const name = first(disk, 'NAME');
    put(facts, `disk ${name} size MB`, first(disk, 'DISKSIZE'));
    put(facts, `disk ${name} serial`, first(disk, 'SERIALNUMBER'));
    put(facts, `disk ${name} model`, first(disk, 'MODEL'));
  }
  for (const drive of of('DRIVES')) {
    const mount = first(drive, 'TYPE');
    put(facts, `filesystem ${mount} type`, first(drive, 'FILESYSTEM'));
    put(facts, `filesystem ${mount} size MiB`, first(drive, 'TOTAL'));
    put(facts, `filesystem ${mount} free MiB`, first(drive, 'FREE'));
    put(facts, `filesystem ${mount} device`, first(drive, 'VOLUMN'));
    put(facts, `filesystem ${mount} label`, first(drive, 'LABEL'));
    put(facts, `filesystem ${mount} uuid`, first(drive, 'SERIAL'));
  }
  networkFacts(facts, of('NETWORKS'));
  for (const controller of of('CONTROLLERS')) {
    const slot = first(controller, 'PCISLOT');
    for (const [tag, field] of [['NAME', 'name'], ['MANUFACTURER', 'manufacturer'], ['TYPE', 'type'], ['PCICLASS', 'class'], ['VENDORID', 'vendor id'],
      ['PRODUCTID', 'product id'], ['PCISUBSYSTEMID', 'subsystem id'], ['REV', 'revision'], ['DRIVER', 'driver']] as const) {
      put(facts, `pci ${slot} ${field}`, first(controller, tag));
    }
  }
  for (const group of of('LOCAL_GROUPS')) {
    put(facts, `group ${first(group, 'NAME')} id`, first(group, 'ID'));
    put(facts, `group ${first(group, 'NAME')} members`, list(values(group, 'MEMBER')));
  }
  for (const user of of('LOCAL_USERS')) {
    put(facts, `user ${first(user, 'LOGIN')} id`, first(user, 'ID'));
    put(facts, `user ${first(user, 'LOGIN')} full name`, first(user, 'NAME'));
  }
  const software = of('SOFTWARES').map((s) => `${first(s, 'NAME')} ${first(s, 'VERSION') ?? ''}`.trim());
  put(facts, 'software (name version)', software.length ? software.sort().join('\n') : undefined);
  // Collected by fusioninventory alone: named so that the table says so.
  for (const name of ['ENVS', 'PROCESSES', 'FIREWALL', 'VERSIONPROVIDER', 'ACCESSLOG']) if (of(name).length) put(facts, `${name.toLowerCase()} section`, 'present');
  if (os) put(facts, 'time zone offset', first(os, 'OFFSET'));
  return facts;
}

/** fusioninventory writes an interface once per address: its records merge into one interface. */
function networkFacts(facts: Facts, records: Section[]): void {
  const byName = new Map<string, Section[]>();
  for (const record of records) byName.set(first(record, 'DESCRIPTION') ?? '', [...(byName.get(first(record, 'DESCRIPTION') ?? '') ?? []), record]);
  for (const [name, recs] of byName) {
    const all = (tag: string) => recs.flatMap((r) => values(r, tag));
    const mac = all('MACADDR')[0];
    put(facts, `interface ${name} mac`, mac && !/^(00:){5}00$/.test(mac) ? mac.toLowerCase() : undefined);
    put(facts, `interface ${name} ipv4`, list(all('IPADDRESS')));
    put(facts, `interface ${name} ipv6`, list(all('IPADDRESS6')));
    put(facts, `interface ${name} ipv4 subnets`, list(recs.map((r) => first(r, 'IPSUBNET') && first(r, 'IPMASK') && `${first(r, 'IPSUBNET')}/${prefixOfMask(first(r, 'IPMASK')!)}`)));
    put(facts, `interface ${name} ipv6 subnets`, list(recs.map((r) => first(r, 'IPSUBNET6') && first(r, 'IPMASK6') && `${first(r, 'IPSUBNET6')}/${prefixOfMask(first(r, 'IPMASK6')!)}`)));
    put(facts, `interface ${name} ipv4 gateway`, list(all('IPGATEWAY')));
    put(facts, `interface ${name} status`, all('STATUS')[0]?.toLowerCase());
    put(facts, `interface ${name} virtual`, all('VIRTUALDEV')[0] === undefined ? undefined : all('VIRTUALDEV')[0] === '1');
    put(facts, `interface ${name} driver`, all('DRIVER')[0]);
    put(facts, `interface ${name} mtu`, all('MTU')[0]);
    const speed = Number(all('SPEED')[0]);
    put(facts, `interface ${name} speed Mbps`, speed > 0 ? speed : undefined);
    put(facts, `interface ${name} type`, ({ ethernet: 'wired', wifi: 'wireless', loopback: 'loopback' } as Record<string, string>)[all('TYPE')[0] ?? '']);
  }
}

/** The agent's report, as facts under the same names. */
export function stewardFacts(report: InventoryReport): Facts {
  const facts: Facts = new Map();
  const { os, hardware: hw, identity } = report;
  putAll(facts, {
    'os name': os.name,
    'os version': os.version,
    'os kernel': os.kernel,
    'os architecture': os.arch,
    // The report leaves fqdn out when it is the host name itself.
    'os fqdn': identity.fqdn ?? identity.hostname,
    'hostname': identity.hostname,
    'memory MiB': mb(hw.memory.totalBytes),
    'swap MiB': hw.memory.swapBytes ? mb(hw.memory.swapBytes) : undefined,
    'system uuid': upper(hw.system.uuid),
    'virtualisation': hw.virtualization?.role === 'physical' ? 'physical' : hw.virtualization?.technology?.toLowerCase(),
    'last logged-on user': os.users?.lastLoggedOn,
    'default gateway': hw.networkInterfaces.flatMap((n) => n.gateways ?? []).find((g) => !g.includes(':')),
    'chassis type': hw.chassis?.type,
    'system manufacturer': hw.system.manufacturer,
    'system model': hw.system.model,
    'system serial': hw.system.serial,
    'system sku': hw.system.sku,
    'bios vendor': hw.bios.vendor,
    'bios version': hw.bios.version,
    'bios date': isoDate(hw.bios.releaseDate),
    'baseboard manufacturer': hw.baseboard?.manufacturer,
    'baseboard model': hw.baseboard?.model,
    'baseboard serial': hw.baseboard?.serial,
    'cpu brand': hw.cpu.brand,
    'cpu manufacturer': hw.cpu.manufacturer,
    'cpu architecture family': archFamily(hw.cpu.arch),
    'cpu family': hw.cpu.family,
    'cpu model': hw.cpu.model,
    'cpu stepping': hw.cpu.stepping,
    'cpu sockets': hw.cpu.sockets,
    'cpu cores': hw.cpu.cores,
    'cpu threads': hw.cpu.threads,
    'cpu architecture': hw.cpu.arch,
    'cpu x86-64 level': hw.cpu.isaLevel,
    'os release name': os.displayVersion,
  });
  for (const disk of hw.disks) {
    put(facts, `disk ${disk.name} size MB`, mb(disk.sizeBytes, 1_000_000));
    put(facts, `disk ${disk.name} serial`, disk.serial);
    put(facts, `disk ${disk.name} model`, disk.model);
  }
  for (const fs of hw.filesystems ?? []) {
    put(facts, `filesystem ${fs.mountPoint} type`, fs.type);
    put(facts, `filesystem ${fs.mountPoint} size MiB`, mb(fs.sizeBytes));
    put(facts, `filesystem ${fs.mountPoint} free MiB`, mb(fs.freeBytes));
    put(facts, `filesystem ${fs.mountPoint} device`, fs.device);
    put(facts, `filesystem ${fs.mountPoint} label`, fs.label);
    put(facts, `filesystem ${fs.mountPoint} uuid`, fs.uuid);
  }
  for (const nic of hw.networkInterfaces) {
    const name = nic.name;
    const [v4, v6] = [(nic.subnets ?? []).filter((s) => !s.includes(':')), (nic.subnets ?? []).filter((s) => s.includes(':'))];
    put(facts, `interface ${name} mac`, nic.mac?.toLowerCase());
    put(facts, `interface ${name} ipv4`, list(nic.ipv4));
    put(facts, `interface ${name} ipv6`, list(nic.ipv6));
    put(facts, `interface ${name} ipv4 subnets`, list(v4));
    put(facts, `interface ${name} ipv6 subnets`, list(v6));
    put(facts, `interface ${name} ipv4 gateway`, list((nic.gateways ?? []).filter((g) => !g.includes(':'))));
    put(facts, `interface ${name} status`, nic.status);
    put(facts, `interface ${name} virtual`, nic.virtual);
    put(facts, `interface ${name} driver`, nic.driver);
    put(facts, `interface ${name} mtu`, nic.mtu);
    put(facts, `interface ${name} speed Mbps`, nic.speedMbps);
    put(facts, `interface ${name} type`, nic.type);
    put(facts, `interface ${name} virtual kind`, nic.virtualKind);
  }
  for (const c of hw.controllers ?? []) {
    // fusioninventory writes the slot without its PCI domain when the domain is 0000.
    const slot = c.slot?.replace(/^0000:/, '');
    for (const [field, value] of [['name', c.name], ['manufacturer', c.manufacturer], ['type', c.type], ['class', c.pciClass], ['vendor id', c.vendorId],
      ['product id', c.productId], ['subsystem id', c.subsystemId], ['revision', c.revision], ['driver', c.driver]] as const) {
      put(facts, `pci ${slot} ${field}`, value);
    }
  }
  for (const group of os.users?.groups ?? []) {
    put(facts, `group ${group.name} id`, group.id);
    put(facts, `group ${group.name} members`, list(group.members));
  }
  for (const user of os.users?.local ?? []) {
    put(facts, `user ${user.name} id`, user.id);
    put(facts, `user ${user.name} full name`, user.fullName);
  }
  const packages = report.software.filter((s) => ['dpkg', 'rpm', 'pacman', 'apk'].includes(s.source)).map((s) => `${s.name} ${s.version ?? ''}`.trim());
  put(facts, 'software (name version)', packages.length ? packages.sort().join('\n') : undefined);
  return facts;
}

/**
 * Values of fusioninventory-agent 2.6 that are known to be wrong, each with a check that holds only
 * when the reference's value is that defect and the agent's is the right one.
 */
const REFERENCE_DEFECTS: Array<{ field: RegExp; wrong: (fi: string, steward: string) => boolean; reason: string }> = [
  {
    field: /^pci .* driver$|^interface .* driver$/,
    wrong: (fi, steward) => steward.startsWith(fi) && /^\W/.test(steward.slice(fi.length)),
    reason: 'fusioninventory cuts a driver name at its first non-word character (lspci\'s "virtio-pci" read as "virtio")',
  },
  {
    field: /^interface .* ipv6 subnets$/,
    wrong: (fi, steward) => fi === '::/12' && steward === '::1/128',
    reason: 'the loopback address ::1 is a /128; fusioninventory derives a mask of fff0:: from it',
  },
];

/** Every fact either side has, compared where both have it. Free space may move between the two runs. */
export function compareFacts(fi: Facts, steward: Facts, lastLogin?: { recorded: boolean }): FieldComparison {
  const rows: FieldRow[] = [];
  const onlyFusionInventory: string[] = [];
  for (const [field, fiValue] of fi) {
    let stewardValue = steward.get(field);
    if (stewardValue === undefined) {
      // "wtmp" is the first word of last's "wtmp begins ..." line: a wtmp with no login in it.
      if (field === 'last logged-on user' && fiValue === 'wtmp' && lastLogin && !lastLogin.recorded) {
        rows.push({ field, fusionInventory: fiValue, steward: '(none recorded)', verdict: 'reference wrong', reason: 'wtmp records no login: fusioninventory took the first word of last\'s "wtmp begins" line for a user' });
        continue;
      }
      onlyFusionInventory.push(field);
      continue;
    }
    rows.push(compareRow(field, fiValue, stewardValue));
  }
  const onlySteward = [...steward.keys()].filter((field) => !fi.has(field));
  return { rows, onlyFusionInventory, onlySteward };
}

function compareRow(field: string, fiValue: string, stewardValue: string): FieldRow {
  const row = { field, fusionInventory: fiValue, steward: stewardValue };
  if (agree(field, fiValue, stewardValue)) return { ...row, verdict: 'agree' };
  const defect = REFERENCE_DEFECTS.find((d) => d.field.test(field) && d.wrong(fiValue, stewardValue));
  return defect ? { ...row, verdict: 'reference wrong', reason: defect.reason } : { ...row, verdict: 'differ' };
}

function agree(field: string, a: string, b: string): boolean {
  if (/free MiB$/.test(field)) return Math.abs(Number(a) - Number(b)) <= Math.max(64, Number(a) * 0.01);
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** A value fit for one table cell: long lists (software) summarised. */
export function cell(value: string): string {
  const lines = value.split('\n');
  return lines.length > 1 ? `${lines.length} entries` : value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

/** Where the two software lists part, for a differing software row. */
export function softwareDifference(fi: string, steward: string): { onlyFusionInventory: string[]; onlySteward: string[] } {
  const a = new Set(fi.split('\n'));
  const b = new Set(steward.split('\n'));
  return { onlyFusionInventory: [...a].filter((x) => !b.has(x)), onlySteward: [...b].filter((x) => !a.has(x)) };
}
