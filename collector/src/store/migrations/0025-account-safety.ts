/**
 * Accounts: failed sign-ins are counted within a window and locks double up to a cap (the count
 * of locks kept in `lockouts`), so an expired lock is not re-armed by one wrong password. User
 * names are unique whatever their case: `ADMIN` can no longer stand beside `admin`; where two
 * already do, the younger is renamed with a piece of its id and can be renamed back by an admin.
 */
export const sql = /* sql */ `
alter table users add column failed_window_started_at timestamptz;
alter table users add column lockouts integer not null default 0;
with ranked as (
  select id, row_number() over (partition by lower(username) order by created_at, id) as rank from users
)
update users u set username = u.username || '-' || left(u.id::text, 8)
  from ranked r where r.id = u.id and r.rank > 1;
create unique index users_username_lower on users (lower(username));
`;
