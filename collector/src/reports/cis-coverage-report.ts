import { reportParams } from '@steward/shared';
import { coverageCounts, softwareCoverage } from '../store/alerts/reports/coverage-counts.js';
import { missingTables } from '../store/alerts/sources/table-presence.js';
import { percent, type ReportDefinition } from './report-definition.js';

/**
 * Inventory coverage against CIS Controls v8, Control 1 (inventory of enterprise assets) and
 * Control 2 (inventory of software assets): how much of what was discovered is registered and
 * runs an agent, and how much installed software is unrecognised or unlicensed.
 */
export const cisCoverageReport: ReportDefinition<typeof reportParams['cis-coverage']> = {
  title: 'Inventory coverage (CIS Controls 1 and 2)',
  params: reportParams['cis-coverage'],
  async build(db, params, now) {
    const c = await coverageCounts(db, new Date(now.getTime() - params.agentSilentDays * 86_400_000));
    const haveSoftware = (await missingTables(db, ['software_titles', 'licence_unlicensed'])).length === 0;
    const s = haveSoftware ? await softwareCoverage(db) : null;
    const row = (safeguard: string, measure: string, count: number | null, of: number | null) => ({
      safeguard, measure, count, of, share: count === null || of === null ? null : percent(count, of),
    });
    const rows = [
      row('1.1', 'Discovered devices registered as assets', c.registered, c.devices),
      row('1.1', 'Discovered by an agent', c.agent_devices, c.devices),
      row('1.1', 'Discovered on the network (SNMP)', c.network_devices, c.devices),
      row('1.2', 'Unregistered devices to address', c.devices - c.registered, c.devices),
      row('1.5', `Devices with an agent reporting in the last ${params.agentSilentDays} days`, c.with_live_agent, c.devices),
      row('1.5', 'Registered devices with a reporting agent', c.registered_with_live_agent, c.registered),
      ...(s ? [
        row('2.1', 'Software titles recognised by the catalogue', s.titles - s.unrecognised_titles, s.titles),
        row('2.3', 'Unrecognised software titles to review', s.unrecognised_titles, s.titles),
        row('2.3', 'Devices with unlicensed commercial software', s.devices_with_unlicensed, c.devices),
        row('2.3', 'Unlicensed commercial installs', s.unlicensed_installs, null),
      ] : []),
    ];
    return {
      columns: [
        { key: 'safeguard', header: 'CIS safeguard', kind: 'text' },
        { key: 'measure', header: 'Measure', kind: 'text' },
        { key: 'count', header: 'Count', kind: 'number' },
        { key: 'of', header: 'Of', kind: 'number' },
        { key: 'share', header: 'Share %', kind: 'percent' },
      ],
      rows,
      summary: [
        { label: 'discovered devices', value: c.devices },
        { label: 'registered %', value: percent(c.registered, c.devices) },
        { label: 'running an agent %', value: percent(c.with_live_agent, c.devices) },
        { label: 'unlicensed installs', value: s ? s.unlicensed_installs : null },
      ],
    };
  },
};
