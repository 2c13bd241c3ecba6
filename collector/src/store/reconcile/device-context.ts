/**
 * Joins that give a device (alias d) its register context: the asset it was matched to, the
 * person and department it is assigned to. Columns: asset_id, user_key, department, cores, sockets.
 * The user is the assignee when the register names one, else the last user the device reported.
 */
export const DEVICE_CONTEXT_JOINS = `
  left join device_asset_links dal on dal.device_id = d.id
  left join register_assets ra on ra.id = dal.asset_id
  left join register_people rp on ra.assigned_type = 'person' and rp.id = ra.assigned_id
  left join register_departments rd on rd.id = coalesce(ra.department_id, case when ra.assigned_type = 'department' then ra.assigned_id end, rp.department_id)`;

export const DEVICE_CONTEXT_COLUMNS = `
  dal.asset_id,
  coalesce(lower(coalesce(rp.username, rp.email, rp.name)), d.last_user) as user_key,
  rd.name as department,
  d.licence_cores as cores,
  d.licence_sockets as sockets`;
