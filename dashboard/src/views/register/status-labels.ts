import type { AssetStatus } from '@steward/shared';

export const STATUS_LABELS: Record<AssetStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  ordered: 'Ordered',
  received: 'Received',
  in_stock: 'In stock',
  deployed: 'Deployed',
  in_repair: 'In repair',
  retired: 'Retired',
  disposed: 'Disposed',
  lost: 'Lost',
  stolen: 'Stolen',
};
