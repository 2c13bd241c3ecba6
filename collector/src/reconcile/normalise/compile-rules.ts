import type { CatalogueProduct, NormalisationRule, TitleSource } from '@steward/shared';

/** What a rule's pattern matched: the regex match when it has groups to offer. */
export interface RuleMatch {
  groups: RegExpMatchArray | null;
}

export interface CompiledRule {
  rule: NormalisationRule;
  sources: ReadonlySet<TitleSource> | null;
  publisherRe: RegExp | null;
  versionRe: RegExp | null;
  test(subject: string): RuleMatch | undefined;
}

/** Rules ready to apply, with the catalogue they point into. */
export interface RuleSet {
  aliases: CompiledRule[];
  rules: CompiledRule[];
  products: ReadonlyMap<string, CatalogueProduct>;
}

/** Exact and prefix rules compare text with case and runs of blanks ignored. */
export function foldText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function matcher(rule: NormalisationRule): (subject: string) => RuleMatch | undefined {
  const folded = foldText(rule.pattern);
  switch (rule.kind) {
    case 'any':
      return () => ({ groups: null });
    case 'exact':
      return (subject) => (foldText(subject) === folded ? { groups: null } : undefined);
    case 'prefix':
      return (subject) => (foldText(subject).startsWith(folded) ? { groups: null } : undefined);
    case 'regex':
    case 'publisher-alias': {
      const re = new RegExp(rule.pattern, 'iu');
      return (subject) => {
        const m = subject.match(re);
        return m ? { groups: m } : undefined;
      };
    }
  }
}

function compileRule(rule: NormalisationRule): CompiledRule {
  return {
    rule,
    sources: rule.sources?.length ? new Set(rule.sources) : null,
    publisherRe: rule.publisherPattern ? new RegExp(rule.publisherPattern, 'iu') : null,
    versionRe: rule.versionPattern ? new RegExp(rule.versionPattern, 'iu') : null,
    test: matcher(rule),
  };
}

/** Compiles enabled rules in position order; publisher aliases are kept apart because they run first. */
export function compileRules(rules: readonly NormalisationRule[], products: readonly CatalogueProduct[]): RuleSet {
  const ordered = rules.filter((r) => r.enabled !== false).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const compiled = ordered.map(compileRule);
  return {
    aliases: compiled.filter((c) => c.rule.kind === 'publisher-alias'),
    rules: compiled.filter((c) => c.rule.kind !== 'publisher-alias'),
    products: new Map(products.map((p) => [p.id, p])),
  };
}
