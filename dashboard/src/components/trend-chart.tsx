import { formatCount } from '../format/numbers.js';
import { formatDateTime } from '../format/time.js';

export interface TrendSeries {
  label: string;
  /** One of the palette's slots; each line also has its own dash pattern and a legend in words. */
  tone: 'primary' | 'secondary';
  values: number[];
}

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 6;

/**
 * Lines over time, with the latest value of each written in the legend and every point in a table
 * for screen readers: the picture only shows the shape.
 */
export function TrendChart({ times, series, caption }: { times: string[]; series: TrendSeries[]; caption: string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (index: number) => PAD + (times.length <= 1 ? 0 : (index / (times.length - 1)) * (WIDTH - 2 * PAD));
  const y = (value: number) => HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD);
  return (
    <figure class="trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line class="trend-axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
        {series.map((s) => (
          <polyline key={s.label} class={`trend-line trend-${s.tone}`} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
        ))}
      </svg>
      <figcaption class="trend-legend">
        {series.map((s) => (
          <span key={s.label} class={`trend-key trend-key-${s.tone}`}>{s.label}: <strong>{formatCount(s.values.at(-1) ?? 0)}</strong> now</span>
        ))}
        <span class="muted">{times.length} points since {times[0] ? formatDateTime(times[0]) : '—'}</span>
      </figcaption>
      <table class="visually-hidden">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Time</th>{series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}</tr></thead>
        <tbody>
          {times.map((time, index) => <tr key={time}><th scope="row">{formatDateTime(time)}</th>{series.map((s) => <td key={s.label}>{s.values[index]}</td>)}</tr>)}
        </tbody>
      </table>
    </figure>
  );
}
