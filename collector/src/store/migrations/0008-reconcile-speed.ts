/**
 * What a full reconciliation of a large estate needs to be fast: the manufacturer key as PL/pgSQL
 * (the SQL version could not be inlined and ran as a query of its own for every row), and release
 * keys compared byte by byte (collation "C"), which lets the highest release be found with max()
 * and orders them exactly as the allocation in the collector does.
 */
export const sql = /* sql */ `
alter table software_titles alter column release_key type text collate "C";
alter table licence_installs alter column release_key type text collate "C";
alter table entitlements alter column release_key type text collate "C";

create or replace function reconcile_vendor_key(name text) returns text language plpgsql immutable parallel safe as $fn$
declare
  k text := regexp_replace(lower(coalesce(name, '')), '[^a-z0-9]+', '', 'g');
begin
  if k = '' then return null; end if;
  if k like 'hewlettpackard%' or k = 'hp' or k like 'hpinc%' or k like 'hpe%' or k like 'hpenterprise%' then return 'hp'; end if;
  if k like 'dell%' then return 'dell'; end if;
  if k like 'lenovo%' or k = 'ibmlenovo' then return 'lenovo'; end if;
  if k like 'microsoft%' then return 'microsoft'; end if;
  if k like 'apple%' then return 'apple'; end if;
  if k like 'asus%' then return 'asus'; end if;
  if k like 'acer%' then return 'acer'; end if;
  if k like 'fujitsu%' then return 'fujitsu'; end if;
  if k like 'toshiba%' or k like 'dynabook%' then return 'toshiba'; end if;
  if k like 'samsung%' then return 'samsung'; end if;
  if k like 'supermicro%' then return 'supermicro'; end if;
  if k like 'vmware%' then return 'vmware'; end if;
  if k like 'cisco%' then return 'cisco'; end if;
  if k like 'juniper%' then return 'juniper'; end if;
  return regexp_replace(k, '(incorporated|inc|corporation|corp|company|limited|ltd|gmbh|coltd|co|sa|ag|llc|bv|srl)$', '');
end
$fn$;
`;
