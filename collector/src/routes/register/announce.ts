import type { CollectorContext } from '../../context.js';

/**
 * Tells connected dashboards that a register object changed, so open lists can refresh. The change
 * is already committed: a failure to announce it is logged, never turned into a failed request.
 */
export function announce(ctx: CollectorContext, objectType: string, objectId: string, action: string): void {
  ctx.live.publish({ type: 'register.changed', objectType, objectId, action, at: new Date().toISOString() }).catch((error: unknown) => {
    ctx.log.warn({ err: (error as Error).message, objectType, objectId }, 'register: could not announce a change');
  });
}
