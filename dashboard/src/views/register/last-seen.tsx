import { useCallback } from 'preact/hooks';
import { fetchSightings } from '../../api/register-field-work.js';
import { useApp } from '../../app/app-context.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';

const SOURCES: Record<string, string> = { audit_scan: 'audit scan', checkout: 'check-out' };

/** Where the asset was last seen by a phone that scanned or checked it out, with a map link. */
export function LastSeen({ assetId, generation }: { assetId: string; generation: number }) {
  const { api } = useApp();
  const seen = useLoader(`sightings:${assetId}:${generation}`, useCallback((signal: AbortSignal) => fetchSightings(api, assetId, signal), [api, assetId, generation]));
  const last = seen.data?.items[0];
  if (!last) return null;
  const place = `${last.latitude.toFixed(5)}, ${last.longitude.toFixed(5)}`;
  const map = `https://www.openstreetmap.org/?mlat=${last.latitude}&mlon=${last.longitude}#map=18/${last.latitude}/${last.longitude}`;
  return (
    <section class="card" aria-label="Last seen" data-testid="last-seen">
      <h2 class="card-title">Last seen</h2>
      <p>
        <a href={map} rel="noopener noreferrer" target="_blank" data-testid="last-seen-place">{place}</a>
        {last.accuracy !== null ? <span class="muted"> (within {Math.round(last.accuracy)} m)</span> : null}
        {' '}on {formatDateTime(last.at)}, at a {SOURCES[last.source]} by {last.recordedBy}
      </p>
    </section>
  );
}
