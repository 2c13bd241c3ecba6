/**
 * Users who sign in through an OpenID Connect provider are known by the provider's subject, not by
 * their name, so a renamed account stays the same user. A sign-in in progress is kept in the
 * database, not in a collector's memory, because the provider may send the browser back to another
 * collector behind the load balancer.
 */
export const sql = /* sql */ `
alter table users add column auth_source text not null default 'local' check (auth_source in ('local', 'oidc'));
alter table users add column external_subject text;
create unique index users_external_subject on users (auth_source, external_subject) where external_subject is not null;

create table sso_logins (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  redirect_uri text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  handoff_hash text unique,
  handoff_user_id uuid references users(id) on delete cascade
);
`;
