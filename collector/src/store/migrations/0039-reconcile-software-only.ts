/**
 * A device queued for reconciliation only because its software moved (an agent report whose
 * identity, hardware and OS are those already held) needs its installs refreshed, not its
 * identifiers, register match and findings, which read none of its software and cost several
 * times as much. Any other reason to queue the device clears the mark.
 */
export const sql = /* sql */ `
alter table reconcile_queue add column software_only boolean not null default false;
`;
