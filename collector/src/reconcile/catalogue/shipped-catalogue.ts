import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { catalogueProductInput, normalisationRuleInput, type CatalogueProduct, type NormalisationRule } from '@steward/shared';

const CATALOGUE_DIR = new URL('../../../data/catalogue/', import.meta.url);

/** Positions of shipped rules leave room for a person's rules in between. */
export const SHIPPED_POSITION_STEP = 10;

export interface ShippedCatalogue {
  products: CatalogueProduct[];
  rules: NormalisationRule[];
  /** Changes whenever the shipped files change, so a new release re-imports them. */
  fingerprint: string;
}

const productsFile = z.object({ products: z.array(catalogueProductInput) });
const rulesFile = z.object({ rules: z.array(z.object({ id: z.string().min(1) }).and(normalisationRuleInput)) });

function readJson(name: string): { text: string; value: unknown } {
  const text = readFileSync(new URL(name, CATALOGUE_DIR), 'utf8');
  return { text, value: JSON.parse(text) };
}

let cached: ShippedCatalogue | undefined;

/** The starter catalogue and rules shipped in data/catalogue, validated against the shared schemas. */
export function shippedCatalogue(): ShippedCatalogue {
  if (cached) return cached;
  const products = readJson('products.json');
  const rules = readJson('rules.json');
  const parsedProducts = productsFile.parse(products.value).products.map((p) => ({ ...p, origin: 'shipped' as const }));
  const parsedRules = rulesFile.parse(rules.value).rules.map((r, i) => ({
    ...r, position: (i + 1) * SHIPPED_POSITION_STEP, origin: 'shipped' as const,
  }));
  const known = new Set(parsedProducts.map((p) => p.id));
  for (const rule of parsedRules) {
    if (rule.productId && !known.has(rule.productId)) throw new Error(`shipped rule ${rule.id} names unknown product ${rule.productId}`);
    if (!rule.productId && rule.licence === 'commercial') throw new Error(`shipped rule ${rule.id}: a commercial outcome needs a catalogue product`);
  }
  const fingerprint = createHash('sha256').update(products.text).update(rules.text).digest('hex').slice(0, 16);
  cached = { products: parsedProducts, rules: parsedRules, fingerprint };
  return cached;
}
