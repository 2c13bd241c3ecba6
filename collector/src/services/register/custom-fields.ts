import type { CustomFieldDefinition, CustomFieldValues } from '@steward/shared';

export interface FieldIssue {
  field: string;
  message: string;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

type Coerced = { value: string | number | boolean } | { error: string };

function coerce(definition: CustomFieldDefinition, raw: string | number | boolean): Coerced {
  const textValue = String(raw).trim();
  switch (definition.type) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(textValue);
      return textValue !== '' && Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
    }
    case 'date':
      return isRealDate(textValue) ? { value: textValue } : { error: 'must be a date (YYYY-MM-DD)' };
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = textValue.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { error: 'must be true or false' };
    }
    case 'enum': {
      const option = definition.options?.find((o) => o.toLowerCase() === textValue.toLowerCase());
      return option ? { value: option } : { error: `must be one of: ${definition.options?.join(', ')}` };
    }
    default:
      return { value: textValue };
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Checks custom field values against the category's definitions and normalises them (numbers as
 * numbers, enum values spelt as defined). Text from CSV files is accepted for every type.
 */
export function checkCustomFields(
  definitions: CustomFieldDefinition[],
  values: CustomFieldValues,
  prefix = 'customFields',
): { values: Record<string, string | number | boolean>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const normalised: Record<string, string | number | boolean> = {};
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key)) issues.push({ field: `${prefix}.${key}`, message: 'is not a field of this category' });
  }
  for (const definition of definitions) {
    const raw = values[definition.key];
    if (isBlank(raw)) {
      if (definition.required) issues.push({ field: `${prefix}.${definition.key}`, message: `is required (${definition.label})` });
      continue;
    }
    const result = coerce(definition, raw as string | number | boolean);
    if ('error' in result) issues.push({ field: `${prefix}.${definition.key}`, message: result.error });
    else normalised[definition.key] = result.value;
  }
  return { values: normalised, issues };
}
