import { randomUUID } from 'node:crypto';
import {
  snmpCredential, type SnmpCredential, type SnmpCredentialSetInput, type SnmpCredentialSetUpdate, type SnmpCredentialSetView,
} from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import type { Queryable } from '../../store/database.js';
import {
  deleteCredential, getCredential, insertCredential, listCredentials, lockCredentials, reorderCredentials, updateCredential,
  type CredentialRow,
} from '../../store/network/credentials.js';
import { recordAudit } from '../audit.js';
import { ApiProblem } from '../errors.js';
import type { NetworkActor } from './actor.js';
import { credentialRow, engineCredential, openCredentialSecrets, sameCredential } from './credential-secrets.js';

function toView(row: CredentialRow): SnmpCredentialSetView {
  return {
    id: row.id, name: row.name, position: row.position, version: row.version,
    ...(row.version === '3' ? {
      user: row.username ?? undefined, level: row.level ?? undefined, authProtocol: (row.auth_protocol ?? undefined) as SnmpCredentialSetView['authProtocol'],
      privProtocol: (row.priv_protocol ?? undefined) as SnmpCredentialSetView['privProtocol'], context: row.context ?? undefined,
    } : {}),
    secrets: presentSecrets(row), deviceCount: row.device_count,
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Which secrets are set follows from the version and level: a stored set is always complete. */
function presentSecrets(row: CredentialRow): SnmpCredentialSetView['secrets'] {
  if (row.version !== '3') return { community: true, authKey: false, privKey: false };
  return { community: false, authKey: row.level !== 'noAuthNoPriv', privKey: row.level === 'authPriv' };
}

/** What the audit log keeps of a set: everything but its secrets. */
function auditView(row: Pick<CredentialRow, 'name' | 'version' | 'username' | 'level' | 'auth_protocol' | 'priv_protocol'>) {
  return { name: row.name, version: row.version, user: row.username, level: row.level, authProtocol: row.auth_protocol, privProtocol: row.priv_protocol };
}

/** A complete engine credential, or 400 naming what is missing. */
function completeCredential(raw: unknown): SnmpCredential {
  const parsed = snmpCredential.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new ApiProblem(400, 'invalid_credential', `invalid credential set: ${issues.slice(0, 3).join('; ')}`, issues);
}

function duplicateName(error: unknown): unknown {
  return (error as { code?: string })?.code === '23505'
    ? new ApiProblem(409, 'duplicate', 'name: already used by another credential set', ['name: already used by another credential set'])
    : error;
}

export async function listCredentialSets(ctx: CollectorContext): Promise<SnmpCredentialSetView[]> {
  return (await listCredentials(ctx.db)).map(toView);
}

export async function createCredentialSet(ctx: CollectorContext, actor: NetworkActor, input: SnmpCredentialSetInput): Promise<SnmpCredentialSetView> {
  const id = randomUUID();
  const { name, ...rest } = input;
  const row = credentialRow(ctx.secrets, id, name, completeCredential({ ...rest, id }));
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockCredentials(tx);
      await insertCredential(tx, row);
      await recordAudit(tx, { ...auditActor(actor), action: 'snmp-credential.create', objectType: 'snmp-credential', objectId: id, after: auditView(row) });
      return toView((await getCredential(tx, id))!);
    });
  } catch (error) {
    throw duplicateName(error);
  }
}

/** Replaces a set; secrets left out keep their stored values when the version stays the same. */
export async function updateCredentialSet(ctx: CollectorContext, actor: NetworkActor, id: string, update: SnmpCredentialSetUpdate): Promise<SnmpCredentialSetView> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockCredentials(tx);
      const stored = await getCredential(tx, id);
      if (!stored) throw new ApiProblem(404, 'not_found', `no credential set with id ${id}`);
      const kept = stored.version === update.version ? openCredentialSecrets(ctx.secrets, stored) : {};
      const { name, ...rest } = update;
      const merged = update.version === '3'
        ? { ...rest, id, authKey: update.authKey ?? (update.level !== 'noAuthNoPriv' ? kept.authKey : undefined), privKey: update.privKey ?? (update.level === 'authPriv' ? kept.privKey : undefined) }
        : { ...rest, id, community: update.community ?? kept.community };
      const row = credentialRow(ctx.secrets, id, name, completeCredential(merged));
      await updateCredential(tx, row);
      await recordAudit(tx, { ...auditActor(actor), action: 'snmp-credential.update', objectType: 'snmp-credential', objectId: id, before: auditView(stored), after: auditView(row) });
      return toView((await getCredential(tx, id))!);
    });
  } catch (error) {
    throw duplicateName(error);
  }
}

export async function deleteCredentialSet(ctx: CollectorContext, actor: NetworkActor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await getCredential(tx, id);
    if (!stored || !(await deleteCredential(tx, id))) throw new ApiProblem(404, 'not_found', `no credential set with id ${id}`);
    await recordAudit(tx, { ...auditActor(actor), action: 'snmp-credential.delete', objectType: 'snmp-credential', objectId: id, before: auditView(stored) });
  });
}

/** Sets the order sweeps and polls try the sets in; every set must be named once. */
export async function reorderCredentialSets(ctx: CollectorContext, actor: NetworkActor, ids: string[]): Promise<SnmpCredentialSetView[]> {
  return ctx.db.transaction(async (tx) => {
    await lockCredentials(tx);
    const stored = await listCredentials(tx);
    const known = new Set(stored.map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new ApiProblem(400, 'invalid_order', 'ids: must name every credential set exactly once', ['ids: must name every credential set exactly once']);
    }
    await reorderCredentials(tx, ids);
    await recordAudit(tx, { ...auditActor(actor), action: 'snmp-credential.reorder', objectType: 'snmp-credential', after: { ids } });
    return (await listCredentials(tx)).map(toView);
  });
}

/**
 * The sets to talk to devices with, opened, in their order: the ones named (in the order named,
 * 400 for an unknown id) or else all of them.
 */
export async function openCredentialSets(ctx: CollectorContext, db: Queryable, ids?: string[]): Promise<SnmpCredential[]> {
  const rows = await listCredentials(db);
  if (!ids) return rows.map((r) => engineCredential(ctx.secrets, r));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new ApiProblem(400, 'unknown_credential', `credentialIds: no credential set with id ${missing[0]}`, [`credentialIds: no credential set with id ${missing[0]}`]);
  return ids.map((id) => engineCredential(ctx.secrets, byId.get(id)!));
}

/**
 * The stored set that speaks exactly like this credential, or a new one named after where it was
 * first used. Call inside the transaction that will reference it.
 */
export async function findOrStoreCredential(
  ctx: CollectorContext, tx: Queryable, actor: NetworkActor, input: SnmpCredentialSetInput,
): Promise<string> {
  await lockCredentials(tx);
  const { name, ...rest } = input;
  const wanted = completeCredential({ ...rest, id: 'wanted' });
  const stored = await listCredentials(tx);
  const same = stored.find((row) => sameCredential(engineCredential(ctx.secrets, row), wanted));
  if (same) return same.id;
  const id = randomUUID();
  const taken = new Set(stored.map((r) => r.name));
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  const row = credentialRow(ctx.secrets, id, unique, { ...wanted, id });
  await insertCredential(tx, row);
  await recordAudit(tx, { ...auditActor(actor), action: 'snmp-credential.create', objectType: 'snmp-credential', objectId: id, after: auditView(row) });
  return id;
}

function auditActor(actor: NetworkActor) {
  return { actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp };
}
