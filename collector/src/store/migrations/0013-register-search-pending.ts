/**
 * The asset search index keeps new entries in a pending list that every search reads through
 * until it is moved into the index proper, which the embedded database only does when the list
 * overflows. A quarter of the default size bounds what a search reads there; bulk imports empty
 * the list themselves.
 */
export const sql = /* sql */ `
do $$
begin
  if to_regclass('register_assets_search') is not null then
    execute 'alter index register_assets_search set (gin_pending_list_limit = 1024)';
  end if;
end
$$;
`;
