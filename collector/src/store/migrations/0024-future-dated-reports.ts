/**
 * Devices once given a report dated in the future kept it as their latest and ignored every
 * correct report after it. Such reports are now refused; devices already holding one are brought
 * back to when that report was received, so the next correct report applies.
 */
export const sql = /* sql */ `
update devices d
   set last_collected_at = coalesce(
         (select r.received_at from agent_reports r where r.report_id = d.last_report_id),
         now())
 where d.last_collected_at > now() + interval '1 hour';
`;
