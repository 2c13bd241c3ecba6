import { formatCount } from '../format/numbers.js';

export interface BarDatum {
  label: string;
  value: number;
  href?: string;
}

/**
 * Horizontal bars with their label and count written out: the bar only helps compare, the numbers
 * carry the meaning.
 */
export function BarList({ data, caption, unit }: { data: BarDatum[]; caption: string; unit: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <table class="bar-list">
      <caption class="visually-hidden">{caption}</caption>
      <thead class="visually-hidden">
        <tr><th scope="col">Name</th><th scope="col">{unit}</th></tr>
      </thead>
      <tbody>
        {data.map((datum) => (
          <tr key={datum.label}>
            <th scope="row" class="bar-label" title={datum.label}>
              {datum.href ? <a href={datum.href}>{datum.label}</a> : datum.label}
            </th>
            <td class="bar-cell">
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="bar-track" x="0" y="0" width="100" height="10" rx="2" />
                <rect class="bar-fill" x="0" y="0" width={Math.max(0.5, (datum.value / max) * 100)} height="10" rx="2" />
              </svg>
              <span class="bar-value">{formatCount(datum.value)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
