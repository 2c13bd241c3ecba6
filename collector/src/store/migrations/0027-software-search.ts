/**
 * Estate-wide software search starts from the titles (each distinct name, publisher and version once,
 * thousands of rows where installs are millions): a trigram index over their names where pg_trgm is
 * available, a scan of that small table elsewhere; installs are then found by exact name. The agent
 * list pages in name order from an index instead of sorting every agent.
 */
export const sql = /* sql */ `
create index agents_by_hostname on agents (lower(hostname), id);

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index software_titles_name_trgm on software_titles using gin (lower(name) gin_trgm_ops)';
  end if;
end
$$;
`;
