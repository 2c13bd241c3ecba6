import type { SshHostKeyAccept, SshHostKeyView } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { acceptOfferedKey, getHostKey } from '../store/ssh/host-keys.js';
import type { SshActor } from './ssh-credentials.js';

/**
 * A person accepts the key a host now offers (a reinstall, a new host at the same address): it is
 * pinned in place of the old one, and the next scan logs in. The fingerprint accepted must be the
 * one offered, so a key changed again meanwhile is not accepted unseen.
 */
export async function acceptHostKey(ctx: CollectorContext, actor: SshActor, input: SshHostKeyAccept): Promise<SshHostKeyView> {
  return ctx.db.transaction(async (tx) => {
    const before = await getHostKey(tx, input.host, input.port);
    if (!before) throw new ApiProblem(404, 'not_found', `no host key is pinned for ${input.host}:${input.port}`);
    if (!before.offered) throw new ApiProblem(409, 'no_change', `${input.host}:${input.port} has offered no other key than the one pinned`);
    if (!(await acceptOfferedKey(tx, input.host, input.port, input.fingerprint, actor.username))) {
      throw new ApiProblem(409, 'fingerprint_mismatch', `fingerprint: ${input.host}:${input.port} offers ${before.offered.fingerprint}, not ${input.fingerprint}`, ['fingerprint: not the key offered']);
    }
    await recordAudit(tx, {
      actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'ssh-host-key.accept', objectType: 'ssh-host', objectId: `${input.host}:${input.port}`,
      before: { keyType: before.keyType, fingerprint: before.fingerprint }, after: before.offered,
    });
    return (await getHostKey(tx, input.host, input.port))!;
  });
}
