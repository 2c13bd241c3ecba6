import type { Queryable } from '../database.js';

/** Replaces the assets a contract covers. */
export async function setContractAssets(db: Queryable, contractId: string, assetIds: string[]): Promise<void> {
  await db.query('delete from register_contract_assets where contract_id = $1', [contractId]);
  await db.query(
    'insert into register_contract_assets (contract_id, asset_id) select $1, unnest($2::uuid[]) on conflict do nothing',
    [contractId, assetIds],
  );
}
