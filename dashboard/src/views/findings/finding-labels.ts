import type { FindingState, FindingType } from '@steward/shared';

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  unregistered: 'Not in the register',
  missing: 'Missing',
  mismatch: 'Mismatch',
  ambiguous: 'Ambiguous match',
  duplicate: 'Possible duplicate',
};

export const FINDING_STATE_LABELS: Record<FindingState, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

/** Resolved and dismissed findings need nothing more from anyone. */
export function isClosed(state: FindingState): boolean {
  return state === 'resolved' || state === 'dismissed';
}
