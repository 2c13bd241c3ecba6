import type { ComponentChildren } from 'preact';

export type Fact = [label: string, value: ComponentChildren | undefined | null];

/** Label–value pairs; facts the device did not report are left out rather than shown empty. */
export function FactList({ facts, empty = 'Not reported by this device.' }: { facts: Fact[]; empty?: string }) {
  const known = facts.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (known.length === 0) return <p class="muted">{empty}</p>;
  return (
    <dl class="facts">
      {known.map(([label, value]) => (
        <div class="fact" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
