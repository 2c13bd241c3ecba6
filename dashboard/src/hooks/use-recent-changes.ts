import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app/app-context.js';

export type RecentChange = 'created' | 'updated';

/** Devices changed in the last few seconds, so a list can mark the rows that just moved. */
export function useRecentChanges(keepMs = 10_000): ReadonlyMap<string, RecentChange> {
  const { live } = useApp();
  const [changes, setChanges] = useState<ReadonlyMap<string, RecentChange>>(new Map());
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = live.subscribe((signal) => {
      if (signal.kind !== 'event' || signal.event.type !== 'device.changed') return;
      const { deviceId, change } = signal.event;
      setChanges((previous) => new Map(previous).set(deviceId, previous.get(deviceId) === 'created' ? 'created' : change));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setChanges((previous) => {
          const next = new Map(previous);
          next.delete(deviceId);
          return next;
        });
      }, keepMs);
      timers.add(timer);
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [live, keepMs]);
  return changes;
}
