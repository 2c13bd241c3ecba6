import type { HelpTopic } from './help-topic.js';

/** Help for the screens where Steward itself is set up, and each person's own account. */
export const ADMINISTRATION_TOPICS = {
  settings: {
    title: 'Settings',
    heading: 'Settings',
    href: '/settings',
    sees: ['settings:write', 'users:manage', 'discovery:write', 'licenses:write', 'audit:read'],
    summary: 'How Steward discovers, matches and names what it finds, who may use it, and how it is kept safe. Each tab shows only to a role that may use it.',
    sections: [
      { heading: 'Discovery', paragraphs: [
        'Discovery ranges: the addresses, ranges and CIDR blocks sweeps cover, with what each last found. Credential sets: SNMP communities and SNMPv3 users, tried in their order (move them earlier or later); secrets are sealed and never shown back. Polling: how often known network devices are asked again.',
      ] },
      { heading: 'Agents', paragraphs: [
        'Every enrolled agent with its state, last address and clock. Revoke shuts an agent out. Enrolment secrets, with a label and a validity, are what installers give new agents; revoke one to stop further enrolments with it.',
      ] },
      { heading: 'Matching and normalisation rules', paragraphs: [
        'Matching rules: the identity keys (serial, hardware UUID, MAC address, hostname) that decide whether a report belongs to a known device, strongest first. Normalisation rules turn the titles agents report into catalogue products and publishers; Title to try shows which rule a title would meet.',
      ] },
      { heading: 'Users, backups, organisation, audit log', paragraphs: [
        'Users and tokens: people, their roles and first passwords, and service tokens for other systems. Backups: the backups written, and the command that restores one. Organisation: its name on reports. Audit log: who changed what, with before and after; Verify chain checks that no entry was altered or removed.',
      ] },
    ],
    actions: [
      { label: 'Discovery ranges, credential sets, polling', text: 'Change what sweeps cover and how.', requires: 'discovery:write' },
      { label: 'Revoke an agent', text: 'Stops an agent reporting.', requires: 'agents:command' },
      { label: 'Make secret', text: 'Makes an enrolment secret for installing agents.', requires: 'settings:write' },
      { label: 'Save matching rules', text: 'Changes how reports are matched to devices.', requires: 'settings:write' },
      { label: 'Add rule (normalisation)', text: 'Names a title’s product and publisher, or its licence class.', requires: 'licenses:write' },
      { label: 'Add user, Set password, Make token', text: 'Manage people, roles and service tokens.', requires: 'users:manage' },
      { label: 'Export CSV and Verify chain', text: 'Download the audit log and check it is whole.', requires: 'audit:read' },
    ],
  },
  account: {
    title: 'Your account',
    heading: 'Your account',
    href: '/account',
    sees: [],
    summary: 'Your own password and personal API tokens; every signed-in person has this page.',
    sections: [
      { heading: 'Password', paragraphs: [
        'Changing your password ends your other sessions and API tokens. An administrator who has lost theirs runs npx steward users reset-password <user> on the collector’s machine: a new password is printed once and the audit log records it.',
      ] },
      { heading: 'Personal API tokens', paragraphs: [
        'A token acts as you, with your role, for scripts and tools: send it as Authorization: Bearer …. It is shown once when made; revoke it when the script no longer needs it.',
      ] },
    ],
    actions: [
      { label: 'Change password', text: 'Sets a new password after your current one.', requires: null },
      { label: 'Make token and Revoke', text: 'Make or end your personal API tokens.', requires: null },
    ],
  },
} satisfies Record<string, HelpTopic>;
