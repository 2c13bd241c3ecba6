import type { ImportField } from '@steward/shared';

export type { ImportField };

/**
 * Header spellings, compared without case, spaces or punctuation. Our own export's headers come
 * first; then the column names of Snipe-IT's asset export and importer, and of GLPI's computer
 * and asset lists.
 */
const ALIASES: Record<ImportField, string[]> = {
  tag: ['tag', 'assettag', 'inventorynumber', 'otherserial'],
  name: ['name', 'assetname', 'itemname'],
  serial: ['serial', 'serialnumber', 'serialno'],
  category: ['category', 'categoryname', 'type', 'computertype', 'assettype'],
  model: ['model', 'modelname', 'assetmodel'],
  modelNumber: ['modelnumber', 'modelno'],
  manufacturer: ['manufacturer', 'manufacturername', 'make'],
  status: ['status', 'statuslabel', 'statusname'],
  location: ['location', 'locationname', 'currentlocation'],
  defaultLocation: ['defaultlocation', 'rtdlocation'],
  department: ['department', 'departmentname'],
  supplier: ['supplier', 'vendor', 'suppliername', 'supplierid'],
  purchaseDate: ['purchasedate', 'purchased', 'dateofpurchase', 'buydate'],
  purchaseCost: ['purchasecost', 'cost', 'price', 'value'],
  currency: ['currency'],
  orderNumber: ['ordernumber', 'purchaseorder', 'ponumber', 'po'],
  invoiceNumber: ['invoicenumber', 'invoice'],
  warrantyMonths: ['warrantymonths', 'warranty', 'warrantyduration'],
  warrantyExpires: ['warrantyexpires', 'warrantyexpiration', 'warrantyexpiry', 'warrantyend', 'warrantyexpirationdate'],
  expiresOn: ['expireson', 'expires', 'expirationdate', 'expirydate', 'renewaldate'],
  eolDate: ['eoldate', 'eol', 'endoflife', 'decommissiondate'],
  notes: ['notes', 'note', 'comments'],
  assigneeName: ['assignedto', 'checkedoutto', 'fullname', 'assignee', 'user', 'alternateusername'],
  assigneeEmail: ['email', 'assigneeemail', 'useremail'],
  assigneeUsername: ['username', 'assigneeusername'],
  assigneeEmployeeNumber: ['employeenumber', 'employeeno', 'employeenum'],
};

export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const BY_ALIAS = new Map<string, ImportField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((a) => [a, field as ImportField])),
);

export interface ColumnPlan {
  /** Column index → field, for the columns understood as asset fields. */
  fields: Map<number, ImportField>;
  /** Column index → normalised header, for the rest: they may be custom fields of a row's category. */
  others: Map<number, string>;
}

/**
 * Which column fills which field: a choice made by hand wins ("" ignores the column), then the
 * header's name; the first column wins when two mean the same field.
 */
export function planColumns(headers: string[], chosen: Record<string, ImportField | ''> = {}): ColumnPlan {
  const fields = new Map<number, ImportField>();
  const others = new Map<number, string>();
  const taken = new Set<ImportField>(Object.values(chosen).filter((f): f is ImportField => f !== ''));
  headers.forEach((header, index) => {
    const byHand = chosen[header];
    if (byHand !== undefined) {
      if (byHand) fields.set(index, byHand);
      return;
    }
    const field = BY_ALIAS.get(normaliseHeader(header));
    if (field && !taken.has(field)) {
      fields.set(index, field);
      taken.add(field);
    } else if (header.trim()) others.set(index, normaliseHeader(header));
  });
  return { fields, others };
}
