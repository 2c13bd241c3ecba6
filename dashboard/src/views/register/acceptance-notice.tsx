import { useCallback, useState } from 'preact/hooks';
import type { AcceptanceLink, Assignment } from '@steward/shared';
import { fetchAssignments } from '../../api/register.js';
import { resendAcceptance } from '../../api/register-field-work.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ActionError } from './register-nav.js';

export const ACCEPTANCE_LABELS: Record<string, string> = { pending: 'Awaiting acceptance', accepted: 'Accepted', declined: 'Declined' };

/** The link to hand to the person: always shown and copyable, whether or not it went out by e-mail. */
export function AcceptanceLinkNotice({ link }: { link: AcceptanceLink }) {
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard?.writeText(link.url).then(() => setCopied(true), () => setCopied(false));
  return (
    <div class="notice field-wide" data-testid="acceptance-link" role="status">
      <p>Send this link to the person to accept the check-out (it works once, until {formatDateTime(link.expiresAt)}):</p>
      <p class="mono acceptance-link"><a href={link.url} data-testid="acceptance-url">{link.url}</a></p>
      <p class="muted">{link.emailed ? 'It was also sent by e-mail.' : `Not sent by e-mail: ${link.emailDetail ?? 'no relay'}.`}</p>
      <button type="button" class="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy the link'}</button>
    </div>
  );
}

/** Whether the holder accepted the open check-out, and a new link for an administrator who needs one. */
export function OpenCheckoutAcceptance({ assetId, version }: { assetId: string; version: string }) {
  const { api } = useApp();
  const open = useLoader(`open-checkout:${assetId}:${version}`, useCallback((signal: AbortSignal) => fetchAssignments(api, { assetId, open: 'true', limit: 1 }, signal), [api, assetId, version]));
  const [link, setLink] = useState<AcceptanceLink | null>(null);
  const resend = useSubmit();
  const current: Assignment | undefined = open.data?.items[0];
  if (open.error) return <ErrorNotice error={open.error} onRetry={open.reload} />;
  if (!current || current.target.type !== 'person') return null;
  const acceptance = current.acceptance;
  return (
    <div class="field-wide" data-testid="checkout-acceptance">
      <p>
        Acceptance: <strong data-testid="acceptance-state">{acceptance ? ACCEPTANCE_LABELS[acceptance.state] : 'Not asked'}</strong>
        {acceptance?.answeredAt ? ` on ${formatDateTime(acceptance.answeredAt)}` : ''}
        {acceptance?.note ? ` — “${acceptance.note}”` : ''}
      </p>
      {acceptance?.state !== 'accepted' ? (
        <button type="button" class="button" disabled={resend.busy}
          onClick={() => void resend.run(async () => { setLink(await resendAcceptance(api, current.id)); open.reload(); })}>
          {acceptance ? 'New acceptance link' : 'Ask the person to accept'}
        </button>
      ) : null}
      {link ? <AcceptanceLinkNotice link={link} /> : null}
      <ActionError error={resend.error} />
    </div>
  );
}
