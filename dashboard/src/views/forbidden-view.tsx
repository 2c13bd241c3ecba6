import { EmptyState } from '../components/notices.js';
import { PageHeader } from '../components/page-header.js';

/** Reached by a link or a typed address: the role does not grant this screen. */
export function ForbiddenView({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon="warning" title="Your role does not give access to this screen">
        <p>Ask an administrator if you need it. <a href="/">Go to the overview</a>.</p>
      </EmptyState>
    </>
  );
}
