import { categoryKind, locationKind } from '@steward/shared';
import type { ReferencePath } from '../../api/register-records.js';
import { choicesOf, type Choice, type FieldSpec } from './record-fields.js';
import type { Lookups } from './use-lookups.js';

export interface Column { label: string; value: (record: Record<string, unknown>, lookups: Lookups) => string | null }

export interface ReferenceScreen {
  path: ReferencePath;
  title: string;
  /** "person", "location": the words of buttons and messages. */
  noun: string;
  intro: string;
  columns: Column[];
  fields: (lookups: Lookups) => FieldSpec[];
}

const KIND_LABELS: Record<string, string> = { site: 'Site', building: 'Building', floor: 'Floor', room: 'Room', other: 'Other' };
const enumChoices = (values: readonly string[], labels: Record<string, string> = {}): Choice[] =>
  values.map((value) => ({ value, label: labels[value] ?? value.charAt(0).toUpperCase() + value.slice(1) }));
const nameOf = (items: readonly { id: string; name: string; path?: string }[] | undefined, id: unknown) =>
  typeof id === 'string' ? items?.find((item) => item.id === id)?.path ?? items?.find((item) => item.id === id)?.name ?? null : null;
const text = (key: string) => (record: Record<string, unknown>) => (record[key] === null || record[key] === undefined ? null : String(record[key]));
const notes: FieldSpec = { key: 'notes', label: 'Notes', kind: 'textarea' };

/** The register's reference screens: what each lists and what its form holds. */
export const REFERENCE_SCREENS: readonly ReferenceScreen[] = [
  {
    path: 'people', title: 'People', noun: 'person', intro: 'The people assets are checked out to, with their department, location and manager.',
    columns: [
      { label: 'Name', value: text('name') }, { label: 'E-mail', value: text('email') }, { label: 'Department', value: text('departmentName') },
      { label: 'Location', value: (r, l) => nameOf(l.locations, r.locationId) },
    ],
    fields: (l) => [
      { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'email', label: 'E-mail', kind: 'email' },
      { key: 'username', label: 'Username', kind: 'text', max: 128 }, { key: 'employeeNumber', label: 'Employee number', kind: 'text', max: 64 },
      { key: 'title', label: 'Job title', kind: 'text' }, { key: 'phone', label: 'Phone', kind: 'text', max: 64 },
      { key: 'departmentId', label: 'Department', kind: 'select', choices: choicesOf(l.departments) },
      { key: 'locationId', label: 'Location', kind: 'select', choices: choicesOf(l.locations) },
      { key: 'active', label: 'Active', kind: 'checkbox' }, notes,
    ],
  },
  {
    path: 'departments', title: 'Departments', noun: 'department', intro: 'Departments, their cost centres and managers; a department may sit within another.',
    columns: [
      { label: 'Name', value: text('name') }, { label: 'Cost centre', value: text('costCentre') },
      { label: 'Manager', value: (r, l) => nameOf(l.people, r.managerId) }, { label: 'Within', value: (r, l) => nameOf(l.departments, r.parentId) },
    ],
    fields: (l) => [
      { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'costCentre', label: 'Cost centre', kind: 'text', max: 64 },
      { key: 'parentId', label: 'Within department', kind: 'select', choices: choicesOf(l.departments) },
      { key: 'managerId', label: 'Manager', kind: 'select', choices: choicesOf(l.people) },
      { key: 'locationId', label: 'Location', kind: 'select', choices: choicesOf(l.locations) }, notes,
    ],
  },
  {
    path: 'locations', title: 'Locations', noun: 'location', intro: 'Sites, buildings, floors and rooms, each within the one above it.',
    columns: [{ label: 'Location', value: text('path') }, { label: 'Kind', value: (r) => KIND_LABELS[String(r.kind)] ?? null }, { label: 'Address', value: text('address') }],
    fields: (l) => [
      { key: 'name', label: 'Name', kind: 'text', required: true },
      { key: 'kind', label: 'Kind', kind: 'select', choices: enumChoices(locationKind.options, KIND_LABELS), empty: 'Other' },
      { key: 'parentId', label: 'Within location', kind: 'select', choices: choicesOf(l.locations) },
      { key: 'address', label: 'Address', kind: 'text', max: 1000, wide: true }, notes,
    ],
  },
  {
    path: 'vendors', title: 'Vendors', noun: 'vendor', intro: 'Who the organisation buys from, with the account and contact.',
    columns: [{ label: 'Name', value: text('name') }, { label: 'Contact', value: text('contactName') }, { label: 'E-mail', value: text('email') }, { label: 'Account', value: text('accountNumber') }],
    fields: () => [
      { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'contactName', label: 'Contact', kind: 'text' },
      { key: 'email', label: 'E-mail', kind: 'email' }, { key: 'phone', label: 'Phone', kind: 'text', max: 64 },
      { key: 'url', label: 'Web site', kind: 'text', max: 1024 }, { key: 'accountNumber', label: 'Account number', kind: 'text', max: 128 },
      { key: 'address', label: 'Address', kind: 'text', max: 1000, wide: true }, notes,
    ],
  },
  {
    path: 'manufacturers', title: 'Manufacturers', noun: 'manufacturer', intro: 'Who makes the models, and where to get support.',
    columns: [{ label: 'Name', value: text('name') }, { label: 'Support e-mail', value: text('supportEmail') }, { label: 'Support phone', value: text('supportPhone') }],
    fields: () => [
      { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'url', label: 'Web site', kind: 'text', max: 1024 },
      { key: 'supportUrl', label: 'Support site', kind: 'text', max: 1024 }, { key: 'supportEmail', label: 'Support e-mail', kind: 'email' },
      { key: 'supportPhone', label: 'Support phone', kind: 'text', max: 64 }, notes,
    ],
  },
  {
    path: 'models', title: 'Models', noun: 'model', intro: 'Models of equipment: their category, maker, life span and replacement cost.',
    columns: [
      { label: 'Name', value: text('name') }, { label: 'Manufacturer', value: text('manufacturerName') }, { label: 'Category', value: text('categoryName') },
      { label: 'Life (months)', value: text('eolMonths') },
    ],
    fields: (l) => [
      { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'modelNumber', label: 'Model number', kind: 'text', max: 128 },
      { key: 'categoryId', label: 'Category', kind: 'select', choices: choicesOf(l.categories), required: true, empty: 'Choose a category' },
      { key: 'manufacturerId', label: 'Manufacturer', kind: 'select', choices: choicesOf(l.manufacturers) },
      { key: 'eolMonths', label: 'End of life after (months)', kind: 'number' },
      { key: 'replacementCost', label: 'Replacement cost', kind: 'number', step: '0.01' }, { key: 'currency', label: 'Currency', kind: 'text', max: 3, hint: 'e.g. EUR' },
      notes,
    ],
  },
  {
    path: 'categories', title: 'Categories', noun: 'category', intro: 'What kinds of things the register holds, with the extra fields each kind has.',
    columns: [
      { label: 'Category', value: text('path') }, { label: 'Kind', value: text('kind') }, { label: 'Assets', value: text('assetCount') },
      { label: 'Custom fields', value: (r) => (Array.isArray(r.customFields) ? r.customFields.map((f: { label: string }) => f.label).join(', ') || null : null) },
    ],
    fields: (l) => [
      { key: 'name', label: 'Name', kind: 'text', required: true },
      { key: 'kind', label: 'Kind', kind: 'select', choices: enumChoices(categoryKind.options), required: true, empty: 'Choose a kind' },
      { key: 'parentId', label: 'Within category', kind: 'select', choices: choicesOf(l.categories) },
      { key: 'missingAfterDays', label: 'Missing after (days unseen)', kind: 'number' },
      { key: 'tracksExpiry', label: 'Lapses on a date', kind: 'checkbox' },
      { key: 'description', label: 'Description', kind: 'textarea', max: 2000 },
    ],
  },
];

export function referenceScreen(path: string): ReferenceScreen | undefined {
  return REFERENCE_SCREENS.find((screen) => screen.path === path);
}
