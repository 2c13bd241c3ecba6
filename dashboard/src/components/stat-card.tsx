import type { ComponentChildren } from 'preact';
import { formatCount } from '../format/numbers.js';
import { Icon, type IconName } from './icon.js';

interface StatCardProps {
  label: string;
  value: number | null;
  icon: IconName;
  href?: string;
  children?: ComponentChildren;
}

export function StatCard({ label, value, icon, href, children }: StatCardProps) {
  const figure = <span class="stat-value">{value === null ? '—' : formatCount(value)}</span>;
  return (
    <section class="card stat-card" aria-label={label}>
      <div class="stat-head">
        <Icon name={icon} size={18} />
        <h2 class="stat-label">{label}</h2>
      </div>
      {href ? <a class="stat-link" href={href}>{figure}</a> : figure}
      {children ? <div class="stat-detail">{children}</div> : null}
    </section>
  );
}
