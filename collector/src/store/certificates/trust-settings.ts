import type { Queryable } from '../database.js';

const TRUSTED_CAS = 'certificates.trustedCas';

/** The organisation's own certificate authorities (PEM), trusted beside the system's roots. */
export async function trustedCertificateAuthorities(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ value: string[] }>('select value from settings where key = $1', [TRUSTED_CAS]);
  return rows[0]?.value ?? [];
}

export async function writeTrustedCertificateAuthorities(db: Queryable, pems: string[]): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [TRUSTED_CAS, JSON.stringify(pems)],
  );
}
