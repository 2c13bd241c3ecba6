/** The asset fields a CSV column can fill. */
export type ImportField =
  | 'tag' | 'name' | 'serial' | 'category' | 'model' | 'modelNumber' | 'manufacturer' | 'status' | 'location' | 'defaultLocation'
  | 'department' | 'supplier' | 'purchaseDate' | 'purchaseCost' | 'currency' | 'orderNumber' | 'invoiceNumber' | 'warrantyMonths'
  | 'warrantyExpires' | 'expiresOn' | 'eolDate' | 'notes' | 'assigneeName' | 'assigneeEmail' | 'assigneeUsername' | 'assigneeEmployeeNumber';

/**
 * Header spellings, compared without case, spaces or punctuation. Our own export's headers come
 * first; the rest are the column names of Snipe-IT's asset export and importer.
 */
const ALIASES: Record<ImportField, string[]> = {
  tag: ['tag', 'assettag'],
  name: ['name', 'assetname', 'itemname'],
  serial: ['serial', 'serialnumber', 'serialno'],
  category: ['category', 'categoryname'],
  model: ['model', 'modelname', 'assetmodel'],
  modelNumber: ['modelnumber', 'modelno'],
  manufacturer: ['manufacturer', 'manufacturername', 'make'],
  status: ['status', 'statuslabel', 'statusname'],
  location: ['location', 'locationname', 'currentlocation'],
  defaultLocation: ['defaultlocation', 'rtdlocation'],
  department: ['department', 'departmentname'],
  supplier: ['supplier', 'vendor', 'suppliername'],
  purchaseDate: ['purchasedate', 'purchased'],
  purchaseCost: ['purchasecost', 'cost', 'price'],
  currency: ['currency'],
  orderNumber: ['ordernumber', 'purchaseorder', 'ponumber', 'po'],
  invoiceNumber: ['invoicenumber', 'invoice'],
  warrantyMonths: ['warrantymonths', 'warranty'],
  warrantyExpires: ['warrantyexpires', 'warrantyexpiration', 'warrantyexpiry', 'warrantyend'],
  expiresOn: ['expireson', 'expires', 'expirationdate', 'expirydate', 'renewaldate'],
  eolDate: ['eoldate', 'eol', 'endoflife'],
  notes: ['notes', 'note', 'comments'],
  assigneeName: ['assignedto', 'checkedoutto', 'fullname', 'assignee', 'user'],
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

/** Which column fills which field; the first column wins when two mean the same field. */
export function planColumns(headers: string[]): ColumnPlan {
  const fields = new Map<number, ImportField>();
  const others = new Map<number, string>();
  const taken = new Set<ImportField>();
  headers.forEach((header, index) => {
    const field = BY_ALIAS.get(normaliseHeader(header));
    if (field && !taken.has(field)) {
      fields.set(index, field);
      taken.add(field);
    } else if (header.trim()) others.set(index, normaliseHeader(header));
  });
  return { fields, others };
}
