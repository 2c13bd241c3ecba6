import type { Queryable } from '../../database.js';

export interface CoverageCounts {
  devices: number;
  agent_devices: number;
  network_devices: number;
  registered: number;
  with_live_agent: number;
  registered_with_live_agent: number;
}

/**
 * Discovered devices and how many of them the register knows (linked to an asset) and how many run
 * an agent that has spoken since `agentSince`.
 */
export async function coverageCounts(db: Queryable, agentSince: Date): Promise<CoverageCounts> {
  const registered = 'exists (select 1 from device_asset_links l where l.device_id = d.id)';
  const live = `exists (select 1 from agents g where g.device_id = d.id and g.revoked_at is null and g.last_seen_at >= $1)`;
  const { rows } = await db.query<CoverageCounts>(
    `select count(*)::int as devices,
            count(*) filter (where d.kind = 'agent')::int as agent_devices,
            count(*) filter (where d.kind = 'snmp')::int as network_devices,
            count(*) filter (where ${registered})::int as registered,
            count(*) filter (where ${live})::int as with_live_agent,
            count(*) filter (where ${registered} and ${live})::int as registered_with_live_agent
       from devices d`,
    [agentSince],
  );
  return rows[0]!;
}

export interface SoftwareCoverage {
  titles: number;
  unrecognised_titles: number;
  unlicensed_installs: number;
  devices_with_unlicensed: number;
}

/** Installed software the catalogue does not recognise, and commercial installs without a licence. */
export async function softwareCoverage(db: Queryable): Promise<SoftwareCoverage> {
  const { rows } = await db.query<SoftwareCoverage>(
    `select (select count(*)::int from software_titles) as titles,
            (select count(*)::int from software_titles where licence = 'unrecognised') as unrecognised_titles,
            (select count(*)::int from licence_unlicensed) as unlicensed_installs,
            (select count(distinct device_id)::int from licence_unlicensed) as devices_with_unlicensed`,
  );
  return rows[0]!;
}
