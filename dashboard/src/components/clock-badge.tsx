import { CLOCK_SKEW_WARN_SECONDS, describeClockSkew } from '@steward/shared';

/** An agent's clock against the collector's: on time, or how far off when that breaks sign-ins. */
export function ClockBadge({ seconds }: { seconds: number | null }) {
  if (seconds === null) return <span class="muted">not measured</span>;
  if (Math.abs(seconds) < CLOCK_SKEW_WARN_SECONDS) return <span class="badge badge-ok" title={describeClockSkew(seconds)}>✓ On time</span>;
  return <span class="badge badge-warn">⚠ {describeClockSkew(seconds)}</span>;
}
