import type { AcceptanceLink, Asset } from '@steward/shared';
import { alertDepsFrom } from '../../alerts/alert-deps.js';
import { sendEmail } from '../../alerts/channels/email-sender.js';
import type { CollectorContext } from '../../context.js';
import { readNotificationSettings } from '../../store/alerts/notification-settings.js';
import { personContact } from '../../store/register/acceptance.js';
import type { Actor } from './actor.js';
import { reissueAcceptance } from './acceptance.js';
import { checkOut, type CheckoutRequest } from './checkout.js';

/** Where the person answers: the dashboard's page, with the token in the fragment so no server log ever holds it. */
export function acceptanceUrl(ctx: CollectorContext, origin: string, token: string): string {
  return `${(ctx.config.publicUrl ?? origin).replace(/\/+$/, '')}/accept#${token}`;
}

/**
 * Sends the link to the person when an SMTP relay is set up for alerts and they have an address.
 * A relay that fails does not undo the check-out: the administrator still has the link to hand on.
 */
async function emailLink(ctx: CollectorContext, personId: string, assetLabel: string, url: string, expiresAt: Date): Promise<{ emailed: boolean; emailDetail: string | null }> {
  const person = await personContact(ctx.db, personId);
  if (!person?.email) return { emailed: false, emailDetail: 'the person has no e-mail address' };
  if (!(await readNotificationSettings(ctx.db)).smtp) return { emailed: false, emailDetail: 'no SMTP relay is set up (Alerts → Settings)' };
  const text = [
    `Hello ${person.name},`, '',
    `${assetLabel} has been checked out to you. Please open this link to accept it, or to decline it with a note:`, '',
    url, '', `The link works once and until ${expiresAt.toISOString().slice(0, 10)}.`,
  ].join('\n');
  return sendEmail(alertDepsFrom(ctx), { to: [person.email], subject: `Please accept ${assetLabel}`, text }).then(
    (detail) => ({ emailed: true, emailDetail: detail }),
    (error: Error) => ({ emailed: false, emailDetail: error.message }),
  );
}

/** A check-out from the API: when the person is asked to accept, the answer carries the link to give them. */
export async function checkOutWithLink(ctx: CollectorContext, actor: Actor, id: string, request: CheckoutRequest, origin: string): Promise<Asset & { acceptanceLink?: AcceptanceLink }> {
  const { asset, assignmentId, acceptance } = await checkOut(ctx.db, actor, id, request);
  if (!acceptance) return asset;
  const url = acceptanceUrl(ctx, origin, acceptance.token);
  const mail = await emailLink(ctx, request.target.id, `${asset.tag} ${asset.name}`, url, acceptance.expiresAt);
  return { ...asset, acceptanceLink: { assignmentId, url, expiresAt: acceptance.expiresAt.toISOString(), ...mail } };
}

/** A new link for an open check-out (the first expired or was lost). */
export async function resendAcceptanceLink(ctx: CollectorContext, actor: Actor, assignmentId: string, origin: string): Promise<AcceptanceLink> {
  const issued = await reissueAcceptance(ctx.db, actor, assignmentId);
  const url = acceptanceUrl(ctx, origin, issued.token);
  const mail = await emailLink(ctx, issued.personId, 'An item', url, issued.expiresAt);
  return { assignmentId, url, expiresAt: issued.expiresAt.toISOString(), ...mail };
}
