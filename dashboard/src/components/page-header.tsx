import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

interface PageHeaderProps {
  title: string;
  subtitle?: ComponentChildren;
  actions?: ComponentChildren;
  before?: ComponentChildren;
}

/** The page's heading; it also names the browser tab so history entries are told apart. */
export function PageHeader({ title, subtitle, actions, before }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Steward`;
  }, [title]);
  return (
    <div class="page-header">
      <div class="page-heading">
        {before}
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {subtitle ? <p class="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div class="page-actions">{actions}</div> : null}
    </div>
  );
}
