import type { NormalisedTitle, RawTitle } from '@steward/shared';
import type { CompiledRule, RuleMatch, RuleSet } from './compile-rules.js';
import { fillTemplate, mapped } from './fill-template.js';
import { releaseKey } from './release-key.js';

export interface NormalisedWithKey extends NormalisedTitle {
  releaseKey: string | null;
}

function canonicalPublisher(raw: RawTitle, set: RuleSet): string {
  const publisher = raw.publisher?.trim() ?? '';
  if (!publisher) return '';
  for (const alias of set.aliases) {
    if (alias.sources && !alias.sources.has(raw.source)) continue;
    if (alias.test(publisher)) return alias.rule.canonicalPublisher ?? publisher;
  }
  return publisher;
}

function subjectOf(rule: CompiledRule, raw: RawTitle, publisher: string): string {
  if (rule.rule.field === 'publisher') return publisher;
  if (rule.rule.field === 'productCode') return raw.productCode ?? '';
  return raw.name;
}

function firstMatch(raw: RawTitle, publisher: string, set: RuleSet): { rule: CompiledRule; match: RuleMatch } | undefined {
  for (const rule of set.rules) {
    if (rule.sources && !rule.sources.has(raw.source)) continue;
    if (rule.rule.productId && !set.products.has(rule.rule.productId)) continue;
    const subject = subjectOf(rule, raw, publisher);
    if (!subject && rule.rule.kind !== 'any') continue;
    if (rule.publisherRe && !rule.publisherRe.test(publisher)) continue;
    if (rule.versionRe && !rule.versionRe.test(raw.version ?? '')) continue;
    const match = rule.test(subject);
    if (match) return { rule, match };
  }
  return undefined;
}

/**
 * Maps one raw title to a product by the first rule that matches. A title no rule matches is kept
 * as unrecognised, named as it came, so it can be triaged: nothing is ever dropped.
 */
export function normaliseTitle(raw: RawTitle, set: RuleSet): NormalisedWithKey {
  const publisher = canonicalPublisher(raw, set);
  const found = firstMatch(raw, publisher, set);
  if (!found) {
    return { licence: 'unrecognised', productId: null, publisher, product: raw.name, edition: null, release: null, ruleId: null, releaseKey: null };
  }
  const { rule, match } = found;
  const r = rule.rule;
  const product = r.productId ? set.products.get(r.productId) : undefined;
  const groups = match.groups;
  const fill = (template: string) => fillTemplate(template, groups, raw.version);
  const edition = mapped(r.edition !== undefined ? fill(r.edition) : (groups?.groups?.edition ?? '').trim(), r.editionMap) || null;
  const release = mapped(r.release !== undefined ? fill(r.release) : (groups?.groups?.release ?? '').trim(), r.releaseMap) || null;
  return {
    licence: product?.licence ?? r.licence ?? 'unrecognised',
    productId: product?.id ?? null,
    publisher: product?.publisher ?? publisher,
    product: product?.name ?? ((r.productName ? fill(r.productName) : '') || raw.name),
    edition,
    release,
    ruleId: r.id,
    releaseKey: releaseKey(release, product?.releases),
  };
}
