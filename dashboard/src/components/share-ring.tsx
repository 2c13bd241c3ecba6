import { formatCount } from '../format/numbers.js';

export interface ShareSlice {
  label: string;
  value: number;
  /** One of the palette's slots; the legend repeats the label and count, so colour is never needed. */
  tone: 'primary' | 'secondary' | 'tertiary' | 'muted';
}

const RADIUS = 15.915; // circumference 100, so dash lengths are percentages

/** A ring of shares with a legend that gives every count in words. */
export function ShareRing({ slices, centreLabel, centreValue }: { slices: ShareSlice[]; centreLabel: string; centreValue: number }) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  let offset = 25;
  return (
    <div class="share-ring">
      <svg viewBox="0 0 42 42" class="ring" aria-hidden="true" focusable="false">
        <circle class="ring-track" cx="21" cy="21" r={RADIUS} />
        {total > 0 ? slices.filter((s) => s.value > 0).map((slice) => {
          const length = (slice.value / total) * 100;
          const circle = (
            <circle
              key={slice.label}
              class={`ring-slice tone-${slice.tone}`}
              cx="21" cy="21" r={RADIUS}
              stroke-dasharray={`${length} ${100 - length}`}
              stroke-dashoffset={offset}
            />
          );
          offset -= length;
          return circle;
        }) : null}
        <text x="21" y="21" class="ring-value">{formatCount(centreValue)}</text>
        <text x="21" y="27" class="ring-caption">{centreLabel}</text>
      </svg>
      <ul class="legend">
        {slices.map((slice) => (
          <li key={slice.label}>
            <span class={`legend-swatch tone-${slice.tone}`} aria-hidden="true" />
            <span class="legend-label">{slice.label}</span>
            <span class="legend-value">{formatCount(slice.value)}</span>
            <span class="legend-share">{total > 0 ? `${Math.round((slice.value / total) * 100)} %` : '—'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
