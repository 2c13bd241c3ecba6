import type { HelpTopic } from './help-topic.js';

/** Help for the screens where discovery is weighed against what the organisation owns and holds. */
export const COMPLIANCE_TOPICS = {
  findings: {
    title: 'Findings',
    heading: 'Findings',
    href: '/findings',
    sees: ['findings:read'],
    summary: 'Where what discovery found and what the register records do not agree, for a person to decide.',
    sections: [
      { heading: 'Kinds of finding', paragraphs: [
        'Not in the register: a discovered device, certificate or domain that no asset records. Missing: an asset not seen for longer than its category allows. Mismatch: a device and its asset disagree (serial, model, name). Ambiguous match: a device could belong to several assets. Possible duplicate: two devices look like one machine.',
        'Findings come from each reconciliation run and resolve themselves once their cause is gone. Filter by type and by state (open, acknowledged, resolved, dismissed); the list updates live while others work on it.',
      ] },
    ],
    actions: [
      { label: 'Register', text: 'Records the discovered device as a new asset, with the name and category you give.', requires: 'register:write' },
      { label: 'Link', text: 'Links the device to an asset already in the register: find it by tag, name or serial.', requires: 'findings:write' },
      { label: 'Merge or Keep apart', text: 'For a possible duplicate: merge the two devices into one, or record that they are distinct.', requires: 'findings:write' },
      { label: 'Dismiss', text: 'Closes the finding with a reason, which the audit log keeps.', requires: 'findings:write' },
    ],
  },
  licences: {
    title: 'Licences',
    heading: 'Licences',
    href: '/licences',
    sees: ['licenses:read'],
    summary: 'The licences the organisation holds against the installs discovery found, per product.',
    sections: [
      { heading: 'Position', paragraphs: [
        'One row per licensable product: Entitled is what the entitlements grant under their metric, Consumed what the installs use, Shortfall or Surplus the difference, and Shortfall cost what closing the gap would cost at the product’s price (No price when none is set).',
        'Open a product to see the unlicensed installs behind a shortfall, device by device, and where its price comes from (the catalogue’s list price or your own).',
      ] },
      { heading: 'Entitlements', paragraphs: [
        'What was bought: product, metric (per device, per user, per core, concurrent users, subscription seats or site), quantity, term, vendor, contract and unit cost. Licence keys are stored sealed and never shown back.',
      ] },
      { heading: 'Unrecognised software', paragraphs: [
        'Titles that no catalogue entry or normalisation rule recognises, with their publisher, the devices holding them and when they were first seen. Add a normalisation rule under Settings to classify them.',
      ] },
    ],
    actions: [
      { label: 'Record entitlement', text: 'Adds an entitlement; the position is recomputed at once.', requires: 'licenses:write' },
      { label: 'Edit and Delete', text: 'Change or remove an entitlement.', requires: 'licenses:write' },
      { label: 'Set price', text: 'Sets your own unit price for a product, used for the shortfall cost instead of the list price.', requires: 'licenses:write' },
    ],
  },
  reports: {
    title: 'Reports',
    heading: 'Reports',
    href: '/reports',
    sees: ['reports:run'],
    summary: 'Compliance and register reports, run from the current data and downloaded as CSV or PDF, or mailed on a schedule.',
    sections: [
      { heading: 'The reports', paragraphs: [
        'Licence reconciliation: entitlements against installs per product, with shortfall, surplus and its cost, the entitlements counted, the rules applied and a sign-off block. Group it by vendor, product or department, and choose the date it is as of.',
        'Device reconciliation: discovered devices missing from the register, register entries no longer seen, and mismatches. The register reports follow: inventory coverage (CIS Controls 1 and 2), upcoming renewals, asset utilisation, depreciation and book value, end of life and replacement plan, and maintenance costs. Every table (zip) downloads a report’s tables at once as CSV.',
      ] },
      { heading: 'Scheduled reports', paragraphs: [
        'A schedule is a cron expression with a time zone and the addresses to send to; each run is mailed through the relay set under Alerts → Delivery. Send now runs a schedule at once.',
      ] },
    ],
    actions: [
      { label: 'CSV and PDF', text: 'Runs the report now and downloads it.', requires: 'reports:run' },
      { label: 'Schedule', text: 'Mails a report on a schedule; Delete stops it.', requires: 'reports:run' },
    ],
  },
} satisfies Record<string, HelpTopic>;
