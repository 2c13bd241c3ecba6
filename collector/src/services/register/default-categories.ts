import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { categoryInput } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { setCategoryKey } from '../../store/register/categories.js';
import { getRecord, insertRecord } from '../../store/register/record-table.js';
import { categoriesTable } from '../../store/register/reference-tables.js';
import { markOnce } from '../../store/register/settings.js';
import { recordChanges, type RegisterChange } from './record-changes.js';

interface DefaultCategory extends Omit<z.input<typeof categoryInput>, 'kind' | 'parentId'> {
  key: string;
  kind?: z.infer<typeof categoryInput>['kind'];
  children?: DefaultCategory[];
}

const defaultCategory: z.ZodType<DefaultCategory> = z.lazy(() =>
  categoryInput.omit({ parentId: true, kind: true }).extend({
    key: z.string().min(1),
    kind: categoryInput.shape.kind.optional(),
    children: z.array(defaultCategory).optional(),
  }),
);

const DEFAULTS_FILE = new URL('../../../data/register/default-categories.json', import.meta.url);

export function loadDefaultCategories(): DefaultCategory[] {
  const file = JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')) as { categories: unknown };
  return z.array(defaultCategory).parse(file.categories);
}

/**
 * Installs the shipped categories the first time the register starts on a database; after that
 * they belong to the users, who may rename or delete them without seeing them come back.
 */
export async function seedDefaultCategories(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await markOnce(tx, 'register.defaultCategoriesSeeded'))) return 0;
    const history: RegisterChange[] = [];
    const insert = async (items: DefaultCategory[], parentId: string | null, parentKind?: DefaultCategory['kind']) => {
      for (const { children, key, ...item } of items) {
        const id = randomUUID();
        const kind = item.kind ?? parentKind ?? 'other';
        await insertRecord(tx, categoriesTable, id, categoryInput.parse({ ...item, kind, parentId }));
        await setCategoryKey(tx, id, key);
        history.push({ objectType: 'category', objectId: id, action: 'created', before: null, after: await getRecord(tx, categoriesTable, id) });
        if (children) await insert(children, id, kind);
      }
    };
    await insert(loadDefaultCategories(), null);
    await recordChanges(tx, { id: 'system', username: 'system' }, history, { action: 'categories.seed', objectType: 'category' });
    return history.length;
  });
}
