import type { SoftwareEntry } from '@steward/shared/protocol';
import { keyName, parentPath, regBinary, regText, type RegKey } from './reg-export.js';
import { decodeProductKey, OFFICE_KEY_OFFSET } from './product-key.js';
import { entriesOf, softwareEntry } from './software-entry.js';

export interface OfficeProduct {
  entry: SoftwareEntry;
  /** The whole decoded key, for matching on this machine only: the entry carries its last group alone. */
  productKey?: string;
}

const REGISTRATION = /\\Office\\(\d+)\.\d+\\Registration$/i;

/**
 * Installed Office products from HKLM\SOFTWARE\Microsoft\Office\<version>\Registration. A
 * registration subkey that holds a ProductID or DigitalProductID is an installed, keyed product;
 * Office 2013 and later also list hundreds of subkeys with a ProductName alone, a catalogue of what
 * could be installed, which only serves to name an installed product through its ProductCode. The
 * name is, in that order: the catalogue's name for the product code, ConvertToEdition, ProductName,
 * ProductNameNonQualified.
 */
export function officeProducts(keys: RegKey[]): OfficeProduct[] {
  const registrations = keys.filter((key) => REGISTRATION.test(parentPath(key)));
  const catalogue = new Map<string, string>();
  for (const key of registrations) {
    const code = regText(key, 'ProductCode');
    const name = regText(key, 'ProductName');
    if (code && name && !catalogue.has(code.toUpperCase())) catalogue.set(code.toUpperCase(), name);
  }
  return registrations.flatMap((key) => officeProduct(key, catalogue));
}

function officeProduct(key: RegKey, catalogue: Map<string, string>): OfficeProduct[] {
  {
    const productId = regText(key, 'ProductID');
    const digitalId = regBinary(key, 'DigitalProductID');
    if (!productId && !digitalId) return [];
    const major = Number(REGISTRATION.exec(parentPath(key))![1]);
    const code = keyName(key);
    const productKey = digitalId && decodeProductKey(digitalId, OFFICE_KEY_OFFSET, major >= 15);
    const name = catalogue.get(regText(key, 'ProductCode')?.toUpperCase() ?? code.toUpperCase())
      ?? regText(key, 'ConvertToEdition') ?? regText(key, 'ProductName') ?? regText(key, 'ProductNameNonQualified');
    const servicePack = regText(key, 'SPLevel');
    const entry = softwareEntry({
      name,
      version: `${major}.0${servicePack ? ` ${servicePack}` : ''}`,
      publisher: 'Microsoft Corporation',
      productCode: code,
      source: 'registry',
      licence: {
        productId,
        partialProductKey: productKey?.slice(-5),
        trial: regText(key, 'TrialType') === undefined ? undefined : regText(key, 'TrialType') !== '0',
      },
    });
    return entry ? [{ entry, productKey }] : [];
  }
}

/**
 * Registration GUID → the product code it describes. SoftwareLicensingProduct.ID is such a GUID,
 * which links a licence to the installed product it belongs to.
 */
export function officeLicenceLinks(keys: RegKey[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const key of keys) {
    const code = regText(key, 'ProductCode');
    if (code && REGISTRATION.test(parentPath(key))) links.set(bareGuid(keyName(key)), bareGuid(code));
  }
  return links;
}

/** A GUID without braces, upper case, for comparing GUIDs written either way. */
export function bareGuid(guid: string): string {
  return guid.replace(/[{}]/g, '').toUpperCase();
}

/** The software entries of officeProducts. */
export function officeEntries(keys: RegKey[]): SoftwareEntry[] {
  return entriesOf(officeProducts(keys).map((p) => p.entry));
}
