import type { FindingType } from '@steward/shared';
import type { ReportedLink } from '../../store/reconcile/asset-links.js';
import type { ReportedFinding } from '../../store/reconcile/findings.js';
import { formatInstant, formatNumber, type ReportDocument, type ReportTable } from './report-table.js';

const SECTIONS: Array<{ type: FindingType; title: string }> = [
  { type: 'unregistered', title: 'Discovered devices, certificates and domains not in the register' },
  { type: 'missing', title: 'Deployed assets no discovery has seen' },
  { type: 'mismatch', title: 'Devices that disagree with their asset' },
  { type: 'ambiguous', title: 'Devices matching several assets (to review)' },
];

const COLUMNS: ReportTable['columns'] = [
  { header: 'Finding', width: 60 }, { header: 'Kind', width: 60 }, { header: 'Device', width: 80 }, { header: 'Seen by', width: 40 },
  { header: 'Asset', width: 70 }, { header: 'What', width: 240 }, { header: 'State', width: 55 }, { header: 'First detected', width: 65 },
  { header: 'Last detected', width: 65 }, { header: 'Reason', width: 110 },
];

const LINK_COLUMNS: ReportTable['columns'] = [
  { header: 'Device', width: 110 }, { header: 'Seen by', width: 40 }, { header: 'Asset', width: 150 }, { header: 'Linked', width: 120 },
  { header: 'By', width: 80 }, { header: 'Since', width: 70 },
];

/** How a link was made, in words: matched by a key, or a person's link by hand, by registering or by import. */
function linkedHow(link: ReportedLink): string {
  if (link.method === 'auto') return `matched by ${link.key.replace('_', ' ')}`;
  return link.key === 'register' ? 'registered for the device' : link.key === 'import' ? 'imported' : 'linked by hand';
}

/**
 * The device reconciliation report: discovered against registered, every finding not yet
 * resolved, and every device with the asset it is linked to and how.
 */
export function deviceReportDocument(findings: ReportedFinding[], generatedAt: Date, organisation = '', links: ReportedLink[] = []): ReportDocument {
  const count = (type: FindingType) => findings.filter((f) => f.type === type && f.state !== 'dismissed').length;
  const moment = formatInstant(generatedAt.toISOString());
  return {
    title: 'Device reconciliation report',
    organisation: organisation || undefined,
    facts: [['Period', 'findings open, acknowledged or dismissed at the moment of the data'], ['Data as of', moment], ['Generated', moment]],
    figures: [
      ['Unregistered devices', formatNumber(count('unregistered'))],
      ['Missing assets', formatNumber(count('missing'))],
      ['Mismatches', formatNumber(count('mismatch'))],
      ['Ambiguous matches', formatNumber(count('ambiguous'))],
      ['Dismissed', formatNumber(findings.filter((f) => f.state === 'dismissed').length)],
      ['Devices linked to an asset', formatNumber(links.length)],
    ],
    tables: SECTIONS.map(({ type, title }) => ({
      key: 'findings',
      title,
      columns: COLUMNS,
      rows: findings.filter((f) => f.type === type).map((f) => [
        f.type, f.subtype ?? f.type, f.hostname, f.deviceKind === 'snmp' ? 'SNMP' : f.deviceKind ? 'agent' : null,
        f.assetTag ? `${f.assetTag}${f.assetName ? ` (${f.assetName})` : ''}` : null, f.summary, f.state,
        f.firstDetected.slice(0, 10), f.lastDetected.slice(0, 10), f.reason,
      ]),
    })).concat([{
      key: 'links',
      title: 'Discovered devices and their assets',
      columns: LINK_COLUMNS,
      rows: links.map((l) => [
        l.hostname, l.deviceKind === 'snmp' ? 'SNMP' : 'agent', `${l.assetTag} (${l.assetName})`, linkedHow(l), l.linkedBy, l.linkedAt.slice(0, 10),
      ]),
    }]),
    sections: [{
      title: 'Rules applied',
      lines: [
        'A discovered device is matched to a register asset by the strongest identifier both carry, in the order set under Settings → Matching rules; junk and virtual identifiers never count.',
        'Findings resolve themselves when their cause goes away; dismissed ones stay dismissed with the reason given.',
      ],
    }],
    signOff: ['Prepared by', 'Reviewed and approved by'],
  };
}
