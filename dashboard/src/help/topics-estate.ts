import type { HelpTopic } from './help-topic.js';

/** Help for the screens that show what discovery knows: the overview, devices, one device, software. */
export const ESTATE_TOPICS = {
  overview: {
    title: 'Overview',
    heading: 'Overview',
    href: '/',
    sees: ['devices:read'],
    summary: 'What Steward knows about the estate right now, updated live as agents report and sweeps run.',
    sections: [
      { heading: 'The figures', paragraphs: [
        'Devices counts every device Steward knows and how many were seen in the last 24 hours; Agents the machines running the Steward agent and how many are online (a heartbeat arrived within the last interval); SNMP devices what sweeps found on the network; Software installs the titles installed across all devices. Each card opens the devices list, filtered to its kind.',
        'Devices by kind and status, and Operating systems, break the same devices down; Recently seen lists the last machines to report.',
      ] },
      { heading: 'Compliance at a glance', paragraphs: [
        'Products in shortfall, unlicensed installs and the cost of the shortfall come from the licence position recorded at the last full reconciliation; the chart shows units consumed and short over the last 30 days. Open findings by type, network devices up and down, and critical and warning alerts follow; each figure opens its screen.',
        'A panel appears only to a role that may read what it summarises: licences, findings, network or alerts.',
      ] },
    ],
    actions: [],
  },
  devices: {
    title: 'Devices',
    heading: 'Devices',
    href: '/devices',
    sees: ['devices:read'],
    summary: 'Every machine and network device Steward knows: agents that report and devices that SNMP sweeps found.',
    sections: [
      { heading: 'The list', paragraphs: [
        'Each row shows the hostname, its status (online, offline, or the last time a sweep saw it), operating system, model, serial number, the number of software titles and, when the device is in the register, its asset tag.',
        'Search matches hostname, serial, address and asset tag. Kind of device keeps agents or SNMP devices alone. Click a column heading to sort. The address bar keeps the search, filter, sort and page, so a link or a reload opens the same list.',
      ] },
    ],
    actions: [
      { label: 'Export CSV', text: 'Downloads the list as filtered, every page of it.', requires: 'devices:read' },
      { label: 'Clear the filters', text: 'Shows every device again.', requires: null },
    ],
  },
  device: {
    title: 'A device',
    heading: null,
    href: null,
    sees: ['devices:read'],
    summary: 'One device as discovery sees it: what it is, what it runs, how it is connected and what changed.',
    sections: [
      { heading: 'Tabs', paragraphs: [
        'Summary: system, operating system, processor and memory, firmware and the time of the last inventory. Hardware: memory modules, storage with its health, graphics and filesystems. Network: every interface, with down and virtual ones marked.',
        'Software: every installed title with version, publisher, source and install date; filter by name or source. History: what changed between reports, the register record, the switch port where the device was seen and the findings about it.',
      ] },
    ],
    actions: [
      { label: 'Collect now', text: 'Asks the device’s agent for a fresh report; the page updates when it arrives.', requires: 'agents:command' },
      { label: 'Register this device', text: 'Opens the register’s form filled in from the device (name, serial), to record it as an asset.', requires: 'register:write' },
      { label: 'Edit register record', text: 'Opens the asset the device is linked to, ready to edit.', requires: 'register:write' },
      { label: 'Check out', text: 'Opens the asset’s check-out form, to hand it to a person, a location or another asset.', requires: 'register:checkout' },
    ],
  },
  software: {
    title: 'Software',
    heading: 'Software',
    href: '/software',
    sees: ['devices:read'],
    summary: 'What is installed across the estate, and on which devices.',
    sections: [
      { heading: 'Finding a title', paragraphs: [
        'Type two letters or more of a title’s name: each matching title is listed with the number of devices reporting it and the versions seen. Show devices lists the devices holding it, with the version each has and when it was last seen.',
        'Titles come as agents report them; whether a title needs a licence is decided under Licences, by the catalogue and the normalisation rules.',
      ] },
    ],
    actions: [],
  },
} satisfies Record<string, HelpTopic>;
