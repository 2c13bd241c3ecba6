import type { SoftwareEntry } from '@steward/shared/protocol';
import { known } from './placeholder-values.js';
import { wmiText, wmiNumber, type WmiObject } from './wmi-objects.js';
import { repairDeep } from './text-repair.js';

/** SoftwareLicensingProduct.LicenseStatus codes. */
export const LICENSE_STATUS = ['unlicensed', 'licensed', 'oob-grace', 'oot-grace', 'non-genuine-grace', 'notification', 'extended-grace'];

/** ApplicationID of Windows itself; Office products have their own. */
export const WINDOWS_APPLICATION_ID = '55c92734-d682-4d71-983e-d6ec3f16059f';

export interface LicensedProduct {
  /** SoftwareLicensingProduct.ID: for Office, the GUID of a registration key in its catalogue. */
  id?: string;
  applicationId?: string;
  name: string;
  description?: string;
  licence: NonNullable<SoftwareEntry['licence']>;
}

/**
 * Reads SoftwareLicensingProduct (and OfficeSoftwareProtectionProduct, its Office 2010 twin). Every
 * licence the system knows of is listed there, installed or not; only rows with a PartialProductKey
 * have a key installed, and only those are kept.
 */
export function licensedProducts(rows: WmiObject[]): LicensedProduct[] {
  return repairDeep(rows.flatMap((row) => {
    const partialProductKey = known(wmiText(row, 'PartialProductKey'));
    const name = known(wmiText(row, 'Name'));
    if (!partialProductKey || !name) return [];
    const status = wmiNumber(row, 'LicenseStatus');
    return [{
      id: known(wmiText(row, 'ID'))?.toLowerCase(),
      applicationId: known(wmiText(row, 'ApplicationID'))?.toLowerCase(),
      name,
      description: known(wmiText(row, 'Description')),
      licence: {
        productId: known(wmiText(row, 'ProductKeyID2')) ?? known(wmiText(row, 'ProductKeyID')),
        partialProductKey,
        status: status === undefined ? undefined : LICENSE_STATUS[status] ?? String(status),
        channel: known(wmiText(row, 'ProductKeyChannel')),
      },
    }];
  }));
}
