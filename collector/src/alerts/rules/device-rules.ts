import { describeClockSkew } from '@steward/shared';
import { agentsSilentSince, agentsWithClockSkew, snmpDevicesDown } from '../../store/alerts/sources/device-sources.js';
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

export const agentClockSkew: RuleSource<'agent_clock_skew'> = {
  tables: ['agents'],
  async find(db, params) {
    return (await agentsWithClockSkew(db, params.seconds)).map((a) => ({
      subjectType: 'agent',
      subjectId: a.id,
      subjectKey: `clock:${a.id}`,
      summary: `clock of ${a.hostname} is ${describeClockSkew(a.clock_skew_seconds)}${a.clock_skew_seconds >= 0 ? ' of' : ''} the collector's`,
      details: { agentId: a.id, hostname: a.hostname, deviceId: a.device_id, clockSkewSeconds: a.clock_skew_seconds, lastSeenAt: a.last_seen_at ? new Date(a.last_seen_at).toISOString() : null },
    }));
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
