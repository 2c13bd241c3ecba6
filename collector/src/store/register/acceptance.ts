import type { AcceptanceRequest, AcceptanceState } from '@steward/shared';
import type { Queryable } from '../database.js';

/** Asks for acceptance of a check-out: any earlier link stops working, the new one is pending. */
export async function setAcceptancePending(db: Queryable, assignmentId: string, tokenSha256: string, expiresAt: Date): Promise<void> {
  await db.query(
    `update register_assignments set acceptance_state = 'pending', acceptance_token_sha256 = $2, acceptance_expires_at = $3,
            acceptance_answered_at = null, acceptance_note = null
      where id = $1`,
    [assignmentId, tokenSha256, expiresAt],
  );
}

export interface PendingAcceptance extends AcceptanceRequest {
  assignmentId: string;
  assetId: string;
  personId: string;
  personEmail: string | null;
  open: boolean;
}

/** The check-out a link's token stands for, locked when `lock` is set; undefined for an unknown or used token. */
export async function findAcceptance(db: Queryable, tokenSha256: string, lock = false): Promise<PendingAcceptance | undefined> {
  const { rows } = await db.query<PendingAcceptance>(
    `select s.id as "assignmentId", s.asset_id as "assetId", s.target_id as "personId", p.email as "personEmail",
            a.tag as "assetTag", a.name as "assetName", a.serial, p.name as "personName",
            to_char(s.checked_out_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "checkedOutAt", s.checked_out_by as "checkedOutBy",
            to_char(s.expected_return, 'YYYY-MM-DD') as "expectedReturn", s.note,
            to_char(s.acceptance_expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "expiresAt",
            s.acceptance_state as state, s.checked_in_at is null as open
       from register_assignments s
       join register_assets a on a.id = s.asset_id
       join register_people p on p.id = s.target_id
      where s.acceptance_token_sha256 = $1 and s.target_type = 'person'
      ${lock ? 'for update of s' : ''}`,
    [tokenSha256],
  );
  return rows[0];
}

/** Records the person's answer; the token is forgotten so the link works once only. */
export async function answerAcceptance(db: Queryable, assignmentId: string, state: AcceptanceState, note: string | null): Promise<void> {
  await db.query(
    `update register_assignments set acceptance_state = $2, acceptance_note = $3, acceptance_answered_at = now(),
            acceptance_token_sha256 = null
      where id = $1`,
    [assignmentId, state, note],
  );
}

/** The open check-out of an asset to a person, for asking again. */
export async function openPersonAssignment(db: Queryable, assignmentId: string): Promise<{ assetId: string; personId: string; open: boolean; targetType: string } | undefined> {
  const { rows } = await db.query<{ assetId: string; personId: string; open: boolean; targetType: string }>(
    `select asset_id as "assetId", target_id as "personId", checked_in_at is null as open, target_type as "targetType"
       from register_assignments where id = $1 for update`,
    [assignmentId],
  );
  return rows[0];
}

export async function personContact(db: Queryable, personId: string): Promise<{ name: string; email: string | null } | undefined> {
  const { rows } = await db.query<{ name: string; email: string | null }>('select name, email from register_people where id = $1', [personId]);
  return rows[0];
}
