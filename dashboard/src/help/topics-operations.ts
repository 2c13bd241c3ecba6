import type { HelpTopic } from './help-topic.js';

/** Help for the screens that watch the network and tell people when something needs them. */
export const OPERATIONS_TOPICS = {
  network: {
    title: 'Network',
    heading: 'Network',
    href: '/network',
    sees: ['discovery:read'],
    summary: 'What discovery finds on the network: SNMP devices, the TLS certificates hosts present, the organisation’s domains and its address space.',
    sections: [
      { heading: 'Devices', paragraphs: [
        'Switches, printers, access points, UPSes and the like that SNMP sweeps found, with address, status (up, down, or not polled yet), vendor and model, type, interface count and when each was last seen. Interfaces and neighbours shows each port and the LLDP or CDP neighbours seen on it.',
        'A sweep tries the credential sets of Settings → Discovery in their order on every address of the ranges you give, leaving out those you list.',
      ] },
      { heading: 'Certificates', paragraphs: [
        'Every certificate the scanned hosts present on HTTPS, mail and LDAP ports (STARTTLS included): subject and names, issuer, expiry, and problems such as an expired or soon-expiring certificate, a weak key or signature, a self-signed or untrusted chain, or a name that does not match the host. Not registered marks those the register does not keep.',
      ] },
      { heading: 'Domains', paragraphs: [
        'The organisation’s domains, looked up in their registry over RDAP: registrar, name servers and when the registration lapses. Lookups repeat on a schedule; a failed lookup keeps the last good answer and shows the error.',
      ] },
      { heading: 'Address space', paragraphs: [
        'Subnets from sweep ranges and from the interfaces agents and network devices report, with how many addresses are in use. Open a subnet to see each address, the device and MAC holding it, where it was learnt and when it was last seen; one address on two MACs is flagged as a conflict.',
      ] },
    ],
    actions: [
      { label: 'New sweep', text: 'Sweeps addresses, ranges or CIDR blocks for SNMP devices now.', requires: 'discovery:write' },
      { label: 'Scan for certificates', text: 'Connects to the hosts and ports you give and records the certificates they present.', requires: 'discovery:write' },
      { label: 'Watch and Look up again', text: 'Adds a domain to watch, or asks its registry again now.', requires: 'discovery:write' },
      { label: 'Keep in register', text: 'Records a certificate or domain as an asset, so its expiry is tracked with the rest of the register.', requires: 'register:write' },
    ],
  },
  alerts: {
    title: 'Alerts',
    heading: 'Alerts',
    href: '/alerts',
    sees: ['alerts:read'],
    summary: 'Alerts raised by the alert rules, the rules themselves, and where alerts are delivered.',
    sections: [
      { heading: 'Alerts', paragraphs: [
        'Most severe and newest first. An alert stays open while its cause lasts and resolves itself once the cause is gone; acknowledging tells colleagues someone is on it. Filter by state.',
      ] },
      { heading: 'Rules', paragraphs: [
        'Each rule watches one kind of event (a warranty, renewal or domain ending, maintenance due, an overdue check-out, a registered device missing or a discovered one not registered, an unlicensed install or a licence shortfall, a silent agent, a network device down, a failed backup, a TLS certificate ending, weak, untrusted or for another name, and so on) with its thresholds and severity, and names where its alerts are sent. Show live on the dashboard puts its alerts on the overview.',
      ] },
      { heading: 'Delivery', paragraphs: [
        'E-mail: the relay alerts and scheduled reports are sent through, and the daily digest. Webhooks: addresses called with each alert, every call signed with the webhook’s secret. Helpdesk: tickets opened in a helpdesk and closed when alerts resolve. The delivery log lists every attempt, with the last error of those that failed.',
      ] },
    ],
    actions: [
      { label: 'Acknowledge', text: 'Marks an open alert as being handled.', requires: 'alerts:write' },
      { label: 'Snooze a day', text: 'Keeps an alert quiet for 24 hours.', requires: 'alerts:write' },
      { label: 'Add rule, Change, Delete', text: 'Manage the alert rules.', requires: 'alerts:write' },
      { label: 'Add webhook, Send test', text: 'Manage webhooks and try one.', requires: 'alerts:write' },
      { label: 'E-mail settings and helpdesks', text: 'Set the mail relay and connect a helpdesk.', requires: 'settings:write' },
    ],
  },
} satisfies Record<string, HelpTopic>;
