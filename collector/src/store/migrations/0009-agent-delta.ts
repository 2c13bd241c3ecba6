/**
 * Delta reports: each agent device keeps the hash of the content it holds (the base an agent's
 * next delta must name), the digest of its software list (so a delta that moves no software need
 * not re-read it) and the identity as last reported. Software entries keep the Windows
 * SystemComponent flag and licence details agents send.
 */
export const sql = /* sql */ `
alter table devices
  add column content_hash text,
  add column software_digest text,
  add column reported_identity jsonb;

alter table device_software
  add column system_component boolean,
  add column licence jsonb;

alter table agent_reports
  add column kind text not null default 'full' check (kind in ('full', 'delta'));
`;
