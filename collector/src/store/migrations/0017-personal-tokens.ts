/**
 * Personal API tokens are sessions with a label and a longer life, for a person's scripts: they
 * carry the person's role, end when the person is disabled or given a new password, and are listed
 * by an id so they can be revoked without ever showing the token again.
 */
export const sql = /* sql */ `
alter table api_sessions add column id uuid;
update api_sessions set id = gen_random_uuid() where id is null;
alter table api_sessions alter column id set default gen_random_uuid();
alter table api_sessions alter column id set not null;
create unique index api_sessions_id on api_sessions (id);
alter table api_sessions add column label text;
alter table api_sessions add column last_used_at timestamptz;
create index api_sessions_personal on api_sessions (user_id) where label is not null;
`;
