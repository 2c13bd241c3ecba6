import { createHash, randomBytes } from 'node:crypto';
import type { AcceptanceAnswer, AcceptanceRequest } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import {
  answerAcceptance, findAcceptance, openPersonAssignment, setAcceptancePending, type PendingAcceptance,
} from '../../store/register/acceptance.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { recordChanges } from './record-changes.js';

/** How long a person has to answer before the link stops working (it can be sent again). */
export const ACCEPTANCE_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link token for a check-out: only its hash is stored, the token itself goes to the person. */
export async function issueAcceptanceToken(tx: Queryable, assignmentId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ACCEPTANCE_DAYS * 86_400_000);
  await setAcceptancePending(tx, assignmentId, sha256(token), expiresAt);
  return { token, expiresAt };
}

/** Asks again for an open check-out to a person: the earlier link stops working. */
export async function reissueAcceptance(db: Database, actor: Actor, assignmentId: string): Promise<{ token: string; expiresAt: Date; assetId: string; personId: string }> {
  return db.transaction(async (tx) => {
    const assignment = await openPersonAssignment(tx, assignmentId);
    if (!assignment) throw new ApiProblem(404, 'not_found', `no check-out with id ${assignmentId}`);
    if (!assignment.open) throw new ApiProblem(409, 'checked_in', 'this check-out has ended: there is nothing to accept');
    if (assignment.targetType !== 'person') throw new ApiProblem(409, 'not_a_person', 'only a check-out to a person can be accepted');
    const issued = await issueAcceptance(tx, actor, assignmentId, assignment.assetId);
    return { ...issued, assetId: assignment.assetId, personId: assignment.personId };
  });
}

/** Issues the link inside a check-out's transaction and keeps that it was asked for. */
export async function issueAcceptance(tx: Queryable, actor: Actor, assignmentId: string, assetId: string): Promise<{ token: string; expiresAt: Date }> {
  const issued = await issueAcceptanceToken(tx, assignmentId);
  await recordChanges(tx, actor, [{
    objectType: 'asset', objectId: assetId, action: 'acceptance_requested', before: null,
    after: { assignmentId, expiresAt: issued.expiresAt.toISOString() },
  }]);
  return issued;
}

/** Only what the person needs to see: no ids of the register. */
function shownOf(found: PendingAcceptance): AcceptanceRequest {
  return {
    assetTag: found.assetTag, assetName: found.assetName, serial: found.serial, personName: found.personName,
    checkedOutAt: found.checkedOutAt, checkedOutBy: found.checkedOutBy, expectedReturn: found.expectedReturn, note: found.note,
    expiresAt: found.expiresAt, state: found.state,
  };
}

/** The check-out a token stands for, while it can still be answered. */
async function usable(db: Queryable, token: string, lock: boolean) {
  const found = await findAcceptance(db, sha256(token), lock);
  if (!found || found.state !== 'pending') throw new ApiProblem(404, 'unknown_link', 'this link is not valid or has already been used');
  if (new Date(found.expiresAt) <= new Date()) throw new ApiProblem(410, 'link_expired', 'this link has expired; ask for a new one');
  if (!found.open) throw new ApiProblem(410, 'checked_in', 'this item has been checked in since; there is nothing to accept');
  return found;
}

/** What the person is asked to accept: shown before they answer, without signing in. */
export async function readAcceptanceRequest(db: Queryable, token: string): Promise<AcceptanceRequest> {
  return shownOf(await usable(db, token, false));
}

/** Records the person's answer, once: the token is forgotten with it. */
export async function answerAcceptanceRequest(db: Database, answer: AcceptanceAnswer, sourceIp?: string): Promise<{ shown: AcceptanceRequest; assetId: string }> {
  return db.transaction(async (tx) => {
    const found = await usable(tx, answer.token, true);
    const note = answer.note?.trim() || null;
    await answerAcceptance(tx, found.assignmentId, answer.decision, note);
    const person: Actor = { id: found.personId, username: found.personName, role: 'checkout-recipient', sourceIp };
    await recordChanges(tx, person, [{
      objectType: 'asset', objectId: found.assetId, action: `checkout_${answer.decision}`, before: { acceptance: 'pending' },
      after: { assignmentId: found.assignmentId, acceptance: answer.decision, note, person: { id: found.personId, name: found.personName } },
    }]);
    return { shown: { ...shownOf(found), state: answer.decision }, assetId: found.assetId };
  });
}
