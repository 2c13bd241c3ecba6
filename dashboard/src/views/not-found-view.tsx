import { EmptyState } from '../components/notices.js';
import { PageHeader } from '../components/page-header.js';

export function NotFoundView({ path }: { path: string }) {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState icon="search" title={`Nothing lives at ${path}`}>
        <p><a href="/">Go to the overview</a>.</p>
      </EmptyState>
    </>
  );
}
