import { agentsSilentSince, snmpDevicesDown } from '../../store/alerts/sources/device-sources.js';
import type { RuleSource } from './candidate.js';

const DAY_MS = 86_400_000;

export const agentSilent: RuleSource<'agent_silent'> = {
  tables: ['agents'],
  async find(db, params, now) {
    const rows = await agentsSilentSince(db, new Date(now.getTime() - params.days * DAY_MS));
    return rows.map((a) => {
      const last = a.last_seen_at ? new Date(a.last_seen_at) : null;
      const silentDays = Math.floor((now.getTime() - (last ?? new Date(a.enrolled_at)).getTime()) / DAY_MS);
      return {
        subjectType: 'agent',
        subjectId: a.id,
        subjectKey: `agent:${a.id}`,
        summary: last ? `agent on ${a.hostname} silent for ${silentDays} days (last seen ${last.toISOString()})` : `agent on ${a.hostname} never reported since enrolment ${silentDays} days ago`,
        details: { agentId: a.id, hostname: a.hostname, deviceId: a.device_id, platform: a.platform, lastSeenAt: last?.toISOString() ?? null },
      };
    });
  },
};

export const snmpDeviceDown: RuleSource<'snmp_device_down'> = {
  tables: ['snmp_targets', 'snmp_reachability', 'devices'],
  async find(db, params, now) {
    const cutoff = now.getTime() - params.minutes * 60_000;
    return (await snmpDevicesDown(db))
      .filter((d) => !d.down_since || new Date(d.down_since).getTime() <= cutoff)
      .map((d) => ({
        subjectType: 'device',
        subjectId: d.device_id,
        subjectKey: `snmp-down:${d.device_id}`,
        summary: `${d.hostname} (${d.host}) does not answer SNMP${d.down_since ? ` since ${new Date(d.down_since).toISOString()}` : ''}`,
        details: { deviceId: d.device_id, host: d.host, port: d.port, downSince: d.down_since ? new Date(d.down_since).toISOString() : null, lastError: d.last_error },
      }));
  },
};
