import type { AssetStatus } from '@steward/shared';
import type { AcquisitionValues } from '../../store/register/acquisitions.js';
import type { AcquisitionFacts } from '../../store/register/bulk-assets.js';

/**
 * What each step of the acquisition and disposal path demands before an asset may enter it: the
 * reason it may not, or undefined. Steps not listed demand nothing.
 */
export function entryRefusal(to: AssetStatus, facts: AcquisitionFacts | undefined): { code: string; message: string } | undefined {
  if (to === 'approved' && !facts?.justified) {
    return { code: 'justification_required', message: 'acquisition.justification: a purchase request needs a justification before approval' };
  }
  if (to === 'ordered' && !facts?.ordered) return { code: 'po_required', message: 'acquisition.poNumber: an order needs its purchase order number' };
  if (to === 'received' && (facts?.inspection ?? 'none') === 'none') {
    return { code: 'inspection_required', message: 'acquisition.inspection: record the receiving inspection first' };
  }
  if (to === 'received' && facts?.inspection === 'failed') {
    return { code: 'inspection_failed', message: 'acquisition.inspection: the item failed its receiving inspection; return it (retired) instead' };
  }
  if (to === 'disposed' && !facts?.sanitised) {
    return { code: 'sanitisation_required', message: 'sanitisation: disposal needs a data-sanitisation record (method, certificate, recycler, date, who) first' };
  }
  return undefined;
}

/** What entering a step stamps on the acquisition record. */
export function entryStamps(to: AssetStatus, username: string, now = new Date().toISOString()): AcquisitionValues {
  if (to === 'approved') return { approvedBy: username, approvedAt: now };
  if (to === 'ordered') return { orderedAt: now };
  if (to === 'received') return { receivedAt: now };
  return {};
}
