import type { Queryable } from '../database.js';

/**
 * Everything a merge took from the device folded into another: its own row, every row of the
 * tables that hang off it, and what was moved to the kept device, so an un-merge puts it all back.
 */
export interface DeviceSnapshot {
  device: Record<string, unknown>;
  /** Rows of the tables that reference the device and go with it, by table. */
  children: Record<string, Array<Record<string, unknown>>>;
  /** Agents and their reports, moved to the kept device. */
  agents: string[];
  reports: string[];
  /** Assets whose link the kept device took over from this one. */
  assets: string[];
  /** Findings about the device that were open or acknowledged, and their state. */
  findings: Array<{ id: string; state: string }>;
}

/** Tables whose rows are history: moved to the kept device by a merge rather than set aside. */
const MOVED = new Set(['agents', 'agent_reports']);
/** Tables triggers keep from the others: made again when the device and its rows come back. */
const KEPT_BY_TRIGGERS = new Set(['licence_device_context']);

interface Reference { table: string; column: string; onDelete: string }

/** Tables referencing devices by foreign key, those others depend on first. */
async function deviceReferences(db: Queryable): Promise<Reference[]> {
  const { rows } = await db.query<{ table_name: string; column_name: string; on_delete: string; depth: number }>(
    `select c.conrelid::regclass::text as table_name, a.attname as column_name, c.confdeltype as on_delete,
            (select count(*)::int from pg_constraint p where p.contype = 'f' and p.conrelid = c.conrelid and p.confrelid <> 'devices'::regclass
               and p.confrelid in (select x.conrelid from pg_constraint x where x.contype = 'f' and x.confrelid = 'devices'::regclass)) as depth
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'devices'::regclass
      order by depth, table_name`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, onDelete: r.on_delete }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function insertableColumns(db: Queryable, table: string): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => ident(r.column_name));
}

/**
 * Takes a device out, keeping all it held in the snapshot: agents and reports move to the kept
 * device, findings about it are resolved, and the rest goes with the device's row.
 */
export async function takeOutDevice(db: Queryable, deviceId: string, keptId: string): Promise<DeviceSnapshot> {
  const device = (await db.query<{ row: Record<string, unknown> }>('select to_jsonb(d) as row from devices d where d.id = $1', [deviceId])).rows[0]?.row;
  if (!device) throw new Error(`no device ${deviceId}`);
  const agents = (await db.query<{ id: string }>('update agents set device_id = $2 where device_id = $1 returning id', [deviceId, keptId])).rows.map((r) => r.id);
  const reports = (await db.query<{ report_id: string }>('update agent_reports set device_id = $2 where device_id = $1 returning report_id', [deviceId, keptId])).rows.map((r) => r.report_id);
  // The kept device takes over the link to the asset unless it has one; the link itself goes into
  // the snapshot with the device's other rows. `assets` names the links so taken over.
  const assets = (await db.query<{ id: string }>(
    `insert into device_asset_links (device_id, asset_id, method, key, confidence, linked_at, linked_by)
     select $2, asset_id, method, key, confidence, linked_at, linked_by from device_asset_links where device_id = $1
     on conflict (device_id) do nothing returning asset_id as id`, [deviceId, keptId])).rows.map((r) => r.id);
  const findings = (await db.query<{ id: string; state: string }>(
    `with open as (select id, state from findings where device_id = $1 and state in ('open', 'acknowledged') for update)
     update findings f set state = 'resolved', resolved_at = now(), updated_at = now() from open o where f.id = o.id returning o.id, o.state`,
    [deviceId])).rows;
  const children: DeviceSnapshot['children'] = {};
  for (const ref of await deviceReferences(db)) {
    if (MOVED.has(ref.table) || KEPT_BY_TRIGGERS.has(ref.table) || ref.onDelete !== 'c') continue;
    const { rows } = await db.query<{ rows: Array<Record<string, unknown>> }>(
      `select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from ${ident(ref.table)} t where t.${ident(ref.column)} = $1`, [deviceId]);
    if (rows[0]!.rows.length) children[ref.table] = rows[0]!.rows;
  }
  await db.query('delete from devices where id = $1', [deviceId]);
  return { device, children, agents, reports, assets, findings };
}

/** Puts a device taken out by a merge back as it was, with everything it held. */
export async function putBackDevice(db: Queryable, snapshot: DeviceSnapshot, keptId: string): Promise<string> {
  const deviceId = String(snapshot.device.id);
  const insert = async (table: string, rows: unknown[]) => {
    const columns = (await insertableColumns(db, table)).join(', ');
    await db.query(
      `insert into ${ident(table)} (${columns}) overriding system value
       select ${columns} from jsonb_populate_recordset(null::${ident(table)}, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
  };
  await insert('devices', [snapshot.device]);
  const order = (await deviceReferences(db)).map((r) => r.table);
  for (const table of order) if (snapshot.children[table] && !KEPT_BY_TRIGGERS.has(table)) await insert(table, snapshot.children[table]);
  await db.query('update agents set device_id = $1 where id = any($2::uuid[]) and device_id = $3', [deviceId, snapshot.agents, keptId]);
  await db.query('update agent_reports set device_id = $1 where report_id = any($2::uuid[])', [deviceId, snapshot.reports]);
  await db.query('delete from device_asset_links where device_id = $1 and asset_id = any($2::uuid[])', [keptId, snapshot.assets]);
  await db.query(
    `update findings f set state = s.state, resolved_at = null, updated_at = now()
       from jsonb_to_recordset($1::jsonb) s(id uuid, state text) where f.id = s.id and f.state = 'resolved'`,
    [JSON.stringify(snapshot.findings)],
  );
  return deviceId;
}
