import type { NetworkDeviceSamples, SnmpInterfaceCounters } from '@steward/shared';
import type { Queryable } from '../database.js';

export async function insertReachability(db: Queryable, deviceId: string, at: Date, up: boolean, rttMs: number | null, polledBy: string): Promise<void> {
  await db.query(
    'insert into snmp_reachability (time, device_id, up, rtt_ms, polled_by) values ($1, $2, $3, $4, $5)',
    [at, deviceId, up, rttMs, polledBy],
  );
}

/** One polled interface with the rates computed against the previous poll (null when they cannot be). */
export interface CounterRow extends SnmpInterfaceCounters {
  inBps: number | null;
  outBps: number | null;
}

export async function insertInterfaceCounters(db: Queryable, deviceId: string, at: Date, rows: CounterRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    if_index: r.ifIndex, in_octets: r.inOctets, out_octets: r.outOctets, in_packets: r.inPackets, out_packets: r.outPackets,
    in_errors: r.inErrors, out_errors: r.outErrors, in_discards: r.inDiscards, out_discards: r.outDiscards,
    high_capacity: r.highCapacity, oper_status: r.operStatus, in_bps: r.inBps, out_bps: r.outBps,
  }));
  await db.query(
    `insert into snmp_interface_counters (time, device_id, if_index, in_octets, out_octets, in_packets, out_packets, in_errors,
                                          out_errors, in_discards, out_discards, high_capacity, oper_status, in_bps, out_bps)
     select $1, $2, if_index, in_octets, out_octets, in_packets, out_packets, in_errors, out_errors, in_discards, out_discards,
            high_capacity, oper_status, in_bps, out_bps
       from json_to_recordset($3::json) as r(if_index integer, in_octets numeric, out_octets numeric, in_packets numeric,
            out_packets numeric, in_errors numeric, out_errors numeric, in_discards numeric, out_discards numeric,
            high_capacity boolean, oper_status text, in_bps double precision, out_bps double precision)`,
    [at, deviceId, JSON.stringify(json)],
  );
}

/** Keeps the interface list's operational status as the last poll saw it. */
export async function updateInterfaceStatus(db: Queryable, deviceId: string, rows: SnmpInterfaceCounters[]): Promise<void> {
  const known = rows.filter((r) => r.operStatus !== undefined).map((r) => ({ if_index: r.ifIndex, oper_status: r.operStatus }));
  if (known.length === 0) return;
  await db.query(
    `update snmp_interfaces i set oper_status = r.oper_status
       from json_to_recordset($2::json) as r(if_index integer, oper_status text)
      where i.device_id = $1 and i.if_index = r.if_index and i.oper_status is distinct from r.oper_status`,
    [deviceId, JSON.stringify(known)],
  );
}

export async function readSamples(db: Queryable, deviceId: string, since: Date, limit: number): Promise<NetworkDeviceSamples> {
  const [reach, counters] = await Promise.all([
    db.query<{ time: Date; up: boolean; rtt_ms: number | null; polled_by: string | null }>(
      `select time, up, rtt_ms, polled_by from snmp_reachability where device_id = $1 and time >= $2 order by time desc limit $3`,
      [deviceId, since, limit],
    ),
    db.query<{ time: Date; if_index: number; in_octets: string | null; out_octets: string | null; in_bps: number | null; out_bps: number | null; high_capacity: boolean; oper_status: string | null }>(
      `select time, if_index, in_octets::text, out_octets::text, in_bps, out_bps, high_capacity, oper_status
         from snmp_interface_counters where device_id = $1 and time >= $2 order by time desc, if_index limit $3`,
      [deviceId, since, limit],
    ),
  ]);
  return {
    reachability: reach.rows.map((r) => ({ time: new Date(r.time).toISOString(), up: r.up, rttMs: r.rtt_ms, polledBy: r.polled_by })),
    counters: counters.rows.map((r) => ({
      time: new Date(r.time).toISOString(), ifIndex: r.if_index, inOctets: r.in_octets, outOctets: r.out_octets,
      inBps: r.in_bps, outBps: r.out_bps, highCapacity: r.high_capacity, operStatus: r.oper_status,
    })),
  };
}

/**
 * Deletes samples past retention. One collector at a time does it (the others find the lock taken
 * and skip); returns false when another collector holds the lock. Call it inside a transaction,
 * which the lock lasts for.
 */
export async function pruneSamples(db: Queryable, retentionDays: number): Promise<boolean> {
  const { rows } = await db.query<{ locked: boolean }>('select pg_try_advisory_xact_lock(7210552) as locked');
  if (!rows[0]?.locked) return false;
  await db.query('delete from snmp_interface_counters where time < now() - make_interval(days => $1)', [retentionDays]);
  await db.query('delete from snmp_reachability where time < now() - make_interval(days => $1)', [retentionDays]);
  return true;
}

/** Link speeds by ifIndex: they bound how far a 32-bit counter can have moved between two polls. */
export async function interfaceSpeeds(db: Queryable, deviceId: string): Promise<Map<number, number>> {
  const { rows } = await db.query<{ if_index: number; speed_bps: string }>(
    'select if_index, speed_bps::text from snmp_interfaces where device_id = $1 and speed_bps > 0',
    [deviceId],
  );
  return new Map(rows.map((r) => [r.if_index, Number(r.speed_bps)]));
}
