import { ApiProblem } from './errors.js';

/**
 * Refuses a report the agent says it collected later than now, beyond a tolerance for clocks that
 * run a little fast. Applied, such a report would outrank every correct one that follows, since a
 * device keeps only its most recently collected inventory.
 */
export function refuseFutureReport(collectedAt: string, toleranceSeconds: number, now = Date.now()): void {
  const aheadSeconds = (Date.parse(collectedAt) - now) / 1000;
  if (aheadSeconds <= toleranceSeconds) return;
  throw new ApiProblem(
    400,
    'invalid_report',
    `invalid report: collectedAt: ${collectedAt} is ${Math.round(aheadSeconds)} s ahead of the collector's clock (at most ${toleranceSeconds} s accepted); check the agent machine's clock`,
    [`collectedAt: more than ${toleranceSeconds} s in the future`],
  );
}
