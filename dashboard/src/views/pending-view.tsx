import { navigationItem } from '../app/navigation.js';
import { NotAvailableYet } from '../components/notices.js';
import { PageHeader } from '../components/page-header.js';
import type { PendingSection } from '../routing/routes.js';

const PURPOSE: Record<PendingSection, string> = {
  settings: 'Users, roles, enrolment secrets and collector settings.',
};

/** A screen whose collector endpoints are not there yet: it says what it will hold, and shows nothing invented. */
export function PendingView({ section }: { section: PendingSection }) {
  const item = navigationItem(section);
  return (
    <>
      <PageHeader title={item.label} subtitle={PURPOSE[section]} />
      <NotAvailableYet what={item.label}>
        <p>This collector does not offer {item.label.toLowerCase()} yet. This screen will fill in once it does; nothing is shown rather than guessed.</p>
      </NotAvailableYet>
    </>
  );
}
