/**
 * Files kept with an asset (invoices, photos, disposal certificates), in the database so that a
 * backup holds them with the register. The content is size-limited and type-checked before it lands.
 */
export const sql = /* sql */ `
create table register_attachments (
  id uuid primary key,
  asset_id uuid not null references register_assets(id) on delete cascade,
  kind text not null check (kind in ('invoice', 'photo', 'certificate', 'other')),
  file_name text not null,
  media_type text not null,
  size integer not null check (size > 0),
  content bytea not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
create index register_attachments_asset on register_attachments (asset_id, uploaded_at);
`;
