import type { IdentityReview, IdentityReviewKind } from '@steward/shared';
import type { Queryable } from '../database.js';

interface ReviewRow {
  id: string;
  kind: IdentityReviewKind;
  device_id: string;
  other_device_id: string | null;
  agent_id: string | null;
  rule: string;
  state: IdentityReview['state'];
  evidence: Record<string, unknown>;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
}

const COLUMNS = 'id, kind, device_id, other_device_id, agent_id, rule, state, evidence, created_at, decided_at, decided_by';

const toReview = (r: ReviewRow): IdentityReview => ({
  id: r.id, kind: r.kind, deviceId: r.device_id, otherDeviceId: r.other_device_id, agentId: r.agent_id, rule: r.rule, state: r.state,
  evidence: r.evidence, createdAt: new Date(r.created_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, decidedBy: r.decided_by,
});

export interface NewReview {
  kind: IdentityReviewKind;
  deviceId: string;
  otherDeviceId?: string;
  agentId?: string;
  rule: string;
  evidence: Record<string, unknown>;
}

/**
 * Asks a person about a device's identity; a question already asked about the same devices (or
 * agent) is not asked twice, and one already decided stays decided.
 */
export async function raiseReview(db: Queryable, review: NewReview): Promise<void> {
  await db.query(
    `insert into device_identity_reviews (id, kind, device_id, other_device_id, agent_id, rule, evidence)
     select gen_random_uuid(), $1::text, $2::uuid, $3::uuid, $4::uuid, $5::text, $6::jsonb
      where not exists (select 1 from device_identity_reviews r where r.kind = $1::text
                          and ((r.device_id = $2::uuid and coalesce(r.other_device_id, r.agent_id) = coalesce($3::uuid, $4::uuid))
                            or (r.device_id = $3::uuid and r.other_device_id = $2::uuid)))
     on conflict do nothing`,
    [review.kind, review.deviceId, review.otherDeviceId ?? null, review.agentId ?? null, review.rule, JSON.stringify(review.evidence)],
  );
}

/** The review about this pair of devices, in either order, locked for the caller's decision. */
export async function lockPairReview(db: Queryable, a: string, b: string): Promise<IdentityReview | undefined> {
  const { rows } = await db.query<ReviewRow>(
    `select ${COLUMNS} from device_identity_reviews
      where kind = 'possible-duplicate' and ((device_id = $1 and other_device_id = $2) or (device_id = $2 and other_device_id = $1))
      for update`,
    [a, b],
  );
  return rows[0] && toReview(rows[0]);
}

export async function lockReview(db: Queryable, id: string): Promise<IdentityReview | undefined> {
  const { rows } = await db.query<ReviewRow>(`select ${COLUMNS} from device_identity_reviews where id = $1 for update`, [id]);
  return rows[0] && toReview(rows[0]);
}

export async function decideReview(db: Queryable, id: string, state: IdentityReview['state'], by: string | null, reason: string | null): Promise<void> {
  await db.query(
    `update device_identity_reviews set state = $2, decided_by = $3, reason = $4,
            decided_at = case when $2 = 'open' then null else now() end where id = $1`,
    [id, state, by, reason],
  );
}

/** Records that a person kept two devices apart, whether or not the rules had asked. */
export async function keepPairApart(db: Queryable, deviceId: string, otherDeviceId: string, by: string, reason: string | null): Promise<void> {
  await db.query(
    `insert into device_identity_reviews (id, kind, device_id, other_device_id, rule, state, decided_at, decided_by, reason)
     values (gen_random_uuid(), 'possible-duplicate', $1, $2, 'person', 'kept-apart', now(), $3, $4)`,
    [deviceId, otherDeviceId, by, reason],
  );
}

export async function listReviews(db: Queryable, q: { state?: IdentityReview['state']; deviceId?: string }): Promise<IdentityReview[]> {
  const { rows } = await db.query<ReviewRow>(
    `select ${COLUMNS} from device_identity_reviews
      where ($1::text is null or state = $1) and ($2::uuid is null or device_id = $2 or other_device_id = $2)
      order by created_at desc, id limit 1000`,
    [q.state ?? null, q.deviceId ?? null],
  );
  return rows.map(toReview);
}
