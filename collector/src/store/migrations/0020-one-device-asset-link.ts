/**
 * A discovered device and its register asset were tied in two places: the asset's own device
 * field and the link table reconciliation writes. Each screen read one of them, so a link made
 * one way was missing from the screens reading the other. The link table becomes the only record
 * (it says how each link was made, by whom and when): the asset field is folded into it as a
 * person's link, unless a person already linked that device elsewhere, and then dropped.
 */
export const sql = /* sql */ `
delete from device_asset_links l where not exists (select 1 from register_assets a where a.id = l.asset_id);

insert into device_asset_links (device_id, asset_id, method, key, confidence, linked_at)
select distinct on (a.device_id) a.device_id, a.id, 'manual', 'register', 1, a.updated_at
  from register_assets a join devices d on d.id = a.device_id
 order by a.device_id, a.updated_at desc, a.id
on conflict (device_id) do update set asset_id = excluded.asset_id, method = 'manual', key = 'register', confidence = 1,
  linked_at = excluded.linked_at
 where device_asset_links.method = 'auto';

alter table device_asset_links
  add constraint device_asset_links_asset_fk foreign key (asset_id) references register_assets (id) on delete cascade;
alter table register_assets drop column device_id;
`;
