import type { DiscoveryAnswer, SnmpCredentialSetInput, SnmpProbeResult } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { getCredential } from '../../store/network/credentials.js';
import { recordAudit } from '../audit.js';
import { ApiProblem } from '../errors.js';
import type { NetworkActor } from './actor.js';
import { findOrStoreCredential } from './credentials.js';
import { storeDiscoveryIn } from './store-discovery.js';

/**
 * Registers a probe made elsewhere (the probe command's --save): the device as a sweep would store
 * it, polled with the stored set named, or with the credential the probe used (stored sealed, or
 * matched to an identical set), or else with whichever stored set answers.
 */
export async function registerDiscovery(
  ctx: CollectorContext, actor: NetworkActor,
  body: { result: SnmpProbeResult; credentialId?: string; credential?: SnmpCredentialSetInput },
): Promise<DiscoveryAnswer> {
  const answer = await ctx.db.transaction(async (tx) => {
    let credentialId: string | null = null;
    if (body.credentialId) {
      if (!(await getCredential(tx, body.credentialId))) {
        throw new ApiProblem(400, 'unknown_credential', `credentialId: no credential set with id ${body.credentialId}`, [`credentialId: no credential set with id ${body.credentialId}`]);
      }
      credentialId = body.credentialId;
    } else if (body.credential) {
      credentialId = await findOrStoreCredential(ctx, tx, actor, body.credential);
    }
    const stored = await storeDiscoveryIn(tx, body.result, credentialId);
    await recordAudit(tx, {
      actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: 'snmp-discovery.register', objectType: 'device', objectId: stored.deviceId,
      after: { host: body.result.target.host, port: body.result.target.port, sysName: body.result.system.sysName, change: stored.change },
    });
    return { deviceId: stored.deviceId, change: stored.change, credentialId };
  });
  await ctx.live.publish({ type: 'device.changed', deviceId: answer.deviceId, change: answer.change, at: new Date().toISOString() })
    .catch((error: Error) => ctx.log.warn({ err: error.message }, 'live event not published'));
  return answer;
}
