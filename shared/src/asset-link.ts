import { z } from 'zod';
import { isoDateTime } from './text.js';

/**
 * The link between a discovered device and its register asset, one record whichever way it was
 * made: `auto` when reconciliation matched them (key: the identifier that matched), `manual` when
 * a person said so (key: `manual` by hand, `register` when the asset was registered for the
 * device, `import` from a CSV import).
 */
const linkHow = {
  method: z.enum(['auto', 'manual']),
  key: z.string(),
  /** Who made a manual link; null for a match. */
  linkedBy: z.string().nullable(),
};

/** The asset a device is linked to, as device screens, exports and searches show it. */
export const linkedAsset = z.object({ id: z.uuid(), tag: z.string(), name: z.string(), ...linkHow });
export type LinkedAsset = z.infer<typeof linkedAsset>;

/** The device an asset is linked to, as the asset's page shows it. */
export const linkedDevice = z.object({ id: z.uuid(), hostname: z.string(), linkedAt: isoDateTime, ...linkHow });
export type LinkedDevice = z.infer<typeof linkedDevice>;
