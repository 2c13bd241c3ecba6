import type { NetworkDeviceDetail, SnmpInterface } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { getCredential } from '../../store/network/credentials.js';
import {
  getNetworkDevice, listAddresses, listEntities, listInterfaces, listSupplies, type InterfaceRow,
} from '../../store/network/network-devices.js';
import { listNeighbours } from '../../store/network/switch-ports.js';
import { setTargetSchedule } from '../../store/network/targets.js';
import { recordAudit } from '../audit.js';
import { ApiProblem } from '../errors.js';
import type { NetworkActor } from './actor.js';
import { locateDevice, switchPortsOf } from './switch-port-location.js';

const orUndefined = <T>(v: T | null) => v ?? undefined;

function interfaceView(r: InterfaceRow): NetworkDeviceDetail['interfaces'][number] {
  const base: SnmpInterface = {
    ifIndex: r.if_index, name: orUndefined(r.name), descr: orUndefined(r.descr), alias: orUndefined(r.alias), type: orUndefined(r.type),
    mtu: orUndefined(r.mtu), speedBps: r.speed_bps === null ? undefined : Number(r.speed_bps), mac: orUndefined(r.mac),
    adminStatus: orUndefined(r.admin_status) as SnmpInterface['adminStatus'], operStatus: orUndefined(r.oper_status) as SnmpInterface['operStatus'],
  };
  const defined = Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as SnmpInterface;
  return { ...defined, inBps: r.in_bps, outBps: r.out_bps, countersAt: r.counters_at ? new Date(r.counters_at).toISOString() : null };
}

/** Everything Steward knows of one discovered device: what it said, its ports and what sits on them, where it plugs in. */
export async function networkDeviceDetail(db: Queryable, id: string): Promise<NetworkDeviceDetail> {
  const record = await getNetworkDevice(db, id);
  if (!record) throw new ApiProblem(404, 'not_found', `no network device with id ${id}`);
  const neighbours = await listNeighbours(db, [id]);
  const [interfaces, addresses, supplies, modules, ports, location] = [
    await listInterfaces(db, id), await listAddresses(db, id), await listSupplies(db, id), await listEntities(db, id),
    await switchPortsOf(db, id, neighbours), await locateDevice(db, id),
  ];
  return {
    ...record.summary,
    system: record.system,
    identity: record.identity,
    credentialId: record.credentialId,
    lastError: record.lastError,
    problems: record.problems,
    interfaces: interfaces.map(interfaceView),
    addresses,
    neighbours: neighbours.map((n) => ({
      protocol: n.protocol, localIfIndex: n.local_if_index, localPort: n.local_port, remoteSysName: n.remote_sys_name,
      remoteChassisId: n.remote_chassis_id, remotePortId: n.remote_port_id, remotePortDescr: n.remote_port_descr,
      remotePlatform: n.remote_platform, remoteAddress: n.remote_address, remoteDeviceId: n.remote_device_id,
    })),
    ports,
    supplies,
    modules,
    location,
  };
}

/** Changes how a device is polled: its interval, its credential set, or a poll right away. */
export async function updateNetworkDevice(
  db: Database, actor: NetworkActor, id: string, change: { pollIntervalSeconds?: number; credentialId?: string | null; pollNow?: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (change.credentialId && !(await getCredential(tx, change.credentialId))) {
      throw new ApiProblem(400, 'unknown_credential', `credentialId: no credential set with id ${change.credentialId}`, [`credentialId: no credential set with id ${change.credentialId}`]);
    }
    if (!(await setTargetSchedule(tx, id, change))) throw new ApiProblem(404, 'not_found', `no network device with id ${id}`);
    await recordAudit(tx, { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'snmp-device.update', objectType: 'device', objectId: id, after: change });
  });
}
