/** Lets other requests (health, the dashboard) in before the caller goes on. */
export const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Maps a large array in slices, letting the event loop turn between them: one report of 100,000
 * entries must not hold every other request for the seconds a single pass would take.
 */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R, slice = 2000): Promise<R[]> {
  if (items.length <= slice) return items.map(map);
  const out: R[] = [];
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await letOthersIn();
    const end = Math.min(items.length, start + slice);
    for (let i = start; i < end; i++) out.push(map(items[i]!));
  }
  return out;
}
