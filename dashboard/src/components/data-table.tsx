import type { ComponentChildren } from 'preact';

interface DataTableProps {
  testId: string;
  /** Read by screen readers only: what the rows are. */
  caption: string;
  /** The header cells (`<th scope="col">`…). */
  head: ComponentChildren;
  children: ComponentChildren;
}

/** A table of records in its scrolling frame: the caption, header and body every list screen uses. */
export function DataTable({ testId, caption, head, children }: DataTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table" data-testid={testId}>
        <caption class="visually-hidden">{caption}</caption>
        <thead><tr>{head}</tr></thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
