import type { SnmpAgent } from '../session/snmp-agent.js';
import { walkColumns, type WalkOutcome } from '../walk/walk-columns.js';
import { columnRoots, type TableSpec } from '../walk/table-rows.js';
import type { DeviceBudget } from '../walk/walk-limits.js';
import type { ProbeLimits } from './probe-limits.js';

/**
 * Walks the tables with a few walks in flight at once. Once the device stops answering or its
 * time runs out, the walks not yet started are skipped rather than each waiting out its own timeout.
 */
export async function runWalks(
  client: SnmpAgent,
  tables: TableSpec[],
  limits: ProbeLimits,
  budget: DeviceBudget,
): Promise<Map<TableSpec, WalkOutcome>> {
  const outcomes = new Map<TableSpec, WalkOutcome>();
  const queue = [...tables];
  let gone = false;
  const worker = async () => {
    for (let spec = queue.shift(); spec && !gone; spec = queue.shift()) {
      const outcome = await walkColumns(client, spec.name, columnRoots(spec), limits, budget);
      outcomes.set(spec, outcome);
      const code = outcome.problem?.code;
      if (code === 'timeout' || code === 'byte-limit' || (code === 'time-limit' && Date.now() > budget.deadline)) gone = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limits.parallelWalks) }, worker));
  return outcomes;
}
