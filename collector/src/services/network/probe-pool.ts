/**
 * Runs a probe on every item, a few at a time, in order of the list, until all are done or the
 * signal aborts (items not started by then are left). Scans of address ranges share it.
 */
export async function probeEach<T>(items: readonly T[], concurrency: number, signal: AbortSignal, probe: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) await probe(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
