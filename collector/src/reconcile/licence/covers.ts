import type { ConsumerBucket, EntitlementTerms } from './terms.js';

/**
 * Whether an entitlement's rights reach an install: the licensed release (or an earlier one with
 * downgrade rights; any release when none is named) and the editions it names. An install whose
 * release is unknown is covered only by an entitlement for any release; one whose edition is
 * unknown is not held against an edition list, since most sources never say the edition.
 */
export function covers(e: EntitlementTerms, b: Pick<ConsumerBucket, 'releaseKey' | 'edition'>): boolean {
  if (e.releaseKey !== null) {
    if (b.releaseKey === null) return false;
    if (b.releaseKey !== e.releaseKey && !(e.downgradeRights && b.releaseKey < e.releaseKey)) return false;
  }
  if (e.editions && b.edition && !e.editions.includes(b.edition)) return false;
  return true;
}

/**
 * The order in which entitlements are drawn on for a bucket: the one allocated to it, then exact
 * release before broader rights, narrower edition lists first, the earliest to end first, and site
 * licences last, so counted licences show their real use.
 */
export function preference(b: Pick<ConsumerBucket, 'releaseKey' | 'hint'>) {
  const rank = (e: EntitlementTerms) => [
    e.id === b.hint ? 0 : 1,
    e.metric === 'site' ? 1 : 0,
    e.releaseKey === b.releaseKey && e.releaseKey !== null ? 0 : e.releaseKey === null ? 2 : 1,
    e.editions ? e.editions.length : 1000,
  ];
  return (x: EntitlementTerms, y: EntitlementTerms): number => {
    const rx = rank(x);
    const ry = rank(y);
    for (let i = 0; i < rx.length; i++) if (rx[i] !== ry[i]) return rx[i]! - ry[i]!;
    const ex = x.termEnd ?? '9999-12-31';
    const ey = y.termEnd ?? '9999-12-31';
    if (ex !== ey) return ex < ey ? -1 : 1;
    if (x.createdAt !== y.createdAt) return x.createdAt < y.createdAt ? -1 : 1;
    return x.id < y.id ? -1 : 1;
  };
}
