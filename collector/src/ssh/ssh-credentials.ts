import { randomUUID } from 'node:crypto';
import ssh2 from 'ssh2';
import type { SshCredentialInput, SshCredentialUpdate, SshCredentialView } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import type { Queryable } from '../store/database.js';
import {
  deleteSshCredential, getSshCredential, insertSshCredential, listSshCredentials, lockSshCredentials, reorderSshCredentials, updateSshCredential,
  type NewSshCredentialRow, type SshCredentialRow,
} from '../store/ssh/credentials.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { openSecret, sealSecret, type MasterKeys } from '../services/secrets.js';
import type { Login } from './ssh-session.js';

export interface SshActor { username: string; role: string; sourceIp?: string }

/** The secret half of a set: sealed together, opened only to log in to a host. */
interface SshSecrets { password?: string; privateKey?: string; passphrase?: string }

/** A set opened for a scan: its id names it in outcomes, the login goes to the SSH session alone. */
export interface OpenedSshCredential { id: string; login: Login }

const toView = (row: SshCredentialRow): SshCredentialView => ({
  id: row.id, name: row.name, position: row.position, kind: row.kind, username: row.username,
  createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
});

/** What the audit log keeps of a set: never its secrets. */
const auditView = (row: Pick<SshCredentialRow, 'name' | 'kind' | 'username'>) => ({ name: row.name, kind: row.kind, username: row.username });

const auditActor = (actor: SshActor) => ({ actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp });

function openSecrets(keys: MasterKeys, row: Pick<SshCredentialRow, 'sealed_secrets'>): SshSecrets {
  return JSON.parse(openSecret(keys, row.sealed_secrets)) as SshSecrets;
}

/** A key ssh2 cannot read (or whose passphrase is wrong) is refused when stored, not at each scan. */
function checkPrivateKey(privateKey: string, passphrase: string | undefined): void {
  const parsed = ssh2.utils.parseKey(privateKey, passphrase);
  if (parsed instanceof Error || (Array.isArray(parsed) && parsed.length === 0)) {
    // ssh2's message names the key's problem, never its content.
    const why = parsed instanceof Error ? parsed.message : 'no key found';
    throw new ApiProblem(400, 'invalid_credential', `privateKey: cannot be read (${why})`, [`privateKey: cannot be read (${why})`]);
  }
}

function rowOf(keys: MasterKeys, id: string, input: SshCredentialInput): NewSshCredentialRow {
  const secrets: SshSecrets = input.kind === 'key' ? { privateKey: input.privateKey, passphrase: input.passphrase } : { password: input.password };
  if (input.kind === 'key') checkPrivateKey(input.privateKey, input.passphrase);
  return { id, name: input.name, kind: input.kind, username: input.username, sealed_secrets: sealSecret(keys, JSON.stringify(secrets)) };
}

function duplicateName(error: unknown): unknown {
  return (error as { code?: string })?.code === '23505'
    ? new ApiProblem(409, 'duplicate', 'name: already used by another SSH credential set', ['name: already used by another SSH credential set'])
    : error;
}

export async function listSshCredentialSets(ctx: CollectorContext): Promise<SshCredentialView[]> {
  return (await listSshCredentials(ctx.db)).map(toView);
}

export async function createSshCredentialSet(ctx: CollectorContext, actor: SshActor, input: SshCredentialInput): Promise<SshCredentialView> {
  const id = randomUUID();
  const row = rowOf(ctx.secrets, id, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockSshCredentials(tx);
      await insertSshCredential(tx, row);
      await recordAudit(tx, { ...auditActor(actor), action: 'ssh-credential.create', objectType: 'ssh-credential', objectId: id, after: auditView(row) });
      return toView((await getSshCredential(tx, id))!);
    });
  } catch (error) {
    throw duplicateName(error);
  }
}

/** Replaces a set; secrets left out keep their stored values when the kind stays the same. */
export async function updateSshCredentialSet(ctx: CollectorContext, actor: SshActor, id: string, update: SshCredentialUpdate): Promise<SshCredentialView> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockSshCredentials(tx);
      const stored = await getSshCredential(tx, id);
      if (!stored) throw new ApiProblem(404, 'not_found', `no SSH credential set with id ${id}`);
      const kept = stored.kind === update.kind ? openSecrets(ctx.secrets, stored) : {};
      let complete: SshCredentialInput;
      if (update.kind === 'key') {
        const privateKey = update.privateKey ?? kept.privateKey;
        if (!privateKey) throw new ApiProblem(400, 'invalid_credential', 'privateKey: required when the set was not a key set', ['privateKey: required']);
        complete = { ...update, privateKey, passphrase: update.privateKey ? update.passphrase : update.passphrase ?? kept.passphrase };
      } else {
        const password = update.password ?? kept.password;
        if (!password) throw new ApiProblem(400, 'invalid_credential', 'password: required when the set was not a password set', ['password: required']);
        complete = { ...update, password };
      }
      const row = rowOf(ctx.secrets, id, complete);
      await updateSshCredential(tx, row);
      await recordAudit(tx, { ...auditActor(actor), action: 'ssh-credential.update', objectType: 'ssh-credential', objectId: id, before: auditView(stored), after: auditView(row) });
      return toView((await getSshCredential(tx, id))!);
    });
  } catch (error) {
    throw duplicateName(error);
  }
}

export async function deleteSshCredentialSet(ctx: CollectorContext, actor: SshActor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await getSshCredential(tx, id);
    if (!stored || !(await deleteSshCredential(tx, id))) throw new ApiProblem(404, 'not_found', `no SSH credential set with id ${id}`);
    await recordAudit(tx, { ...auditActor(actor), action: 'ssh-credential.delete', objectType: 'ssh-credential', objectId: id, before: auditView(stored) });
  });
}

/** Sets the order scans try the sets in; every set must be named once. */
export async function reorderSshCredentialSets(ctx: CollectorContext, actor: SshActor, ids: string[]): Promise<SshCredentialView[]> {
  return ctx.db.transaction(async (tx) => {
    await lockSshCredentials(tx);
    const known = new Set((await listSshCredentials(tx)).map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new ApiProblem(400, 'invalid_order', 'ids: must name every SSH credential set exactly once', ['ids: must name every SSH credential set exactly once']);
    }
    await reorderSshCredentials(tx, ids);
    await recordAudit(tx, { ...auditActor(actor), action: 'ssh-credential.reorder', objectType: 'ssh-credential', after: { ids } });
    return (await listSshCredentials(tx)).map(toView);
  });
}

/** The sets a scan logs in with, opened, in their order: the ones named (400 for an unknown id) or else all. */
export async function openSshCredentialSets(ctx: CollectorContext, db: Queryable, ids?: string[]): Promise<OpenedSshCredential[]> {
  const rows = await listSshCredentials(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids?.find((id) => !byId.has(id));
  if (missing) throw new ApiProblem(400, 'unknown_credential', `credentialIds: no SSH credential set with id ${missing}`, [`credentialIds: no SSH credential set with id ${missing}`]);
  return (ids ? ids.map((id) => byId.get(id)!) : rows).map((row) => ({ id: row.id, login: { username: row.username, ...openSecrets(ctx.secrets, row) } }));
}
