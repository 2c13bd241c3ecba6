/**
 * Splits items into at most `lanes` groups of about equal total weight: heaviest first, each into
 * the lightest group so far. Groups left empty are dropped.
 */
export function splitByWeight<T>(items: readonly T[], weight: (item: T) => number, lanes: number): T[][] {
  const groups = Array.from({ length: Math.max(1, lanes) }, () => ({ items: [] as T[], total: 0 }));
  const heaviestFirst = [...items].sort((a, b) => weight(b) - weight(a));
  for (const item of heaviestFirst) {
    const lightest = groups.reduce((min, g) => (g.total < min.total ? g : min));
    lightest.items.push(item);
    lightest.total += weight(item);
  }
  return groups.filter((g) => g.items.length > 0).map((g) => g.items);
}
