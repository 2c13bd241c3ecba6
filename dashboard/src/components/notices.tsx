import type { ComponentChildren } from 'preact';
import { ApiFailure } from '../api/api-client.js';
import { Icon, type IconName } from './icon.js';

/** A failed load, in words, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof ApiFailure || error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div class="notice notice-error" role="alert">
      <Icon name="warning" />
      <div>
        <p><strong>Could not load this data.</strong> {message}</p>
        {onRetry ? <button type="button" class="button" onClick={onRetry}><Icon name="refresh" />Try again</button> : null}
      </div>
    </div>
  );
}

export function EmptyState({ icon = 'info', title, children }: { icon?: IconName; title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <Icon name={icon} size={28} />
      <p class="empty-title">{title}</p>
      {children ? <div class="empty-text">{children}</div> : null}
    </div>
  );
}

export function LoadingRow({ text = 'Loading…' }: { text?: string }) {
  return <p class="loading" role="status">{text}</p>;
}
