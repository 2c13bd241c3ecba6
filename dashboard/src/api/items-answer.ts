import type { AnswerSchema } from './api-client.js';

export interface ItemsAnswer<T> {
  items: T[];
  total: number;
}

/**
 * `{ items, total? }` with each item checked against `item`, for collector lists that have an item
 * schema in @steward/shared but no list schema; `total` falls back to the items' count.
 */
export function itemsAnswer<T>(item: AnswerSchema<T>): AnswerSchema<ItemsAnswer<T>> {
  return {
    parse(data: unknown): ItemsAnswer<T> {
      const { items, total } = (typeof data === 'object' && data !== null ? data : {}) as { items?: unknown; total?: unknown };
      if (!Array.isArray(items)) throw new Error('items: expected an array');
      const parsed = items.map((entry) => item.parse(entry));
      return { items: parsed, total: typeof total === 'number' ? total : parsed.length };
    },
  };
}
