import type { ComponentChildren } from 'preact';
import { Icon } from './icon.js';

interface SortableHeaderProps<K extends string> {
  column: K;
  current: K;
  order: 'asc' | 'desc';
  onSort: (column: K, order: 'asc' | 'desc') => void;
  children: ComponentChildren;
  class?: string;
  numeric?: boolean;
}

/** A column header that sorts on click or Enter, and tells assistive technology how it is sorted. */
export function SortableHeader<K extends string>({ column, current, order, onSort, children, class: className, numeric }: SortableHeaderProps<K>) {
  const active = column === current;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const next = active && order === 'asc' ? 'desc' : 'asc';
  const icon = active ? (order === 'asc' ? 'arrow-up' : 'arrow-down') : 'sort-none';
  return (
    <th scope="col" aria-sort={ariaSort} class={[className, numeric ? 'numeric' : ''].filter(Boolean).join(' ') || undefined}>
      <button type="button" class={`sort-button${active ? ' sorted' : ''}`} onClick={() => onSort(column, next)}>
        <span>{children}</span>
        <Icon name={icon} size={14} />
        <span class="visually-hidden">{active ? `, sorted ${ariaSort}` : ', sortable'}</span>
      </button>
    </th>
  );
}
