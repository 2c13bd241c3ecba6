import { useState } from 'preact/hooks';
import type { DevicePosition } from '@steward/shared';

const CONSENT_KEY = 'steward.register.record-position';

function storedConsent(): boolean {
  try { return localStorage.getItem(CONSENT_KEY) === 'yes'; } catch { return false; }
}

/** Whether the user agreed to record this phone's position with scans and check-outs; remembered on this browser. */
export function usePositionConsent(): [boolean, (consent: boolean) => void] {
  const [consent, setConsent] = useState(storedConsent);
  const change = (next: boolean) => {
    setConsent(next);
    try { localStorage.setItem(CONSENT_KEY, next ? 'yes' : 'no'); } catch { /* private mode: asked again next time */ }
  };
  return [consent, change];
}

/**
 * The browser's position, or undefined when it is refused, unavailable or slow: a scan or check-out
 * never waits on it longer than `timeoutMs`, and never fails because of it.
 */
export function currentPosition(timeoutMs = 4000): Promise<DevicePosition | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null, at: new Date(p.timestamp || Date.now()).toISOString() });
      },
      () => { clearTimeout(timer); resolve(undefined); },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}

/** The position to send with a scan or check-out, when the user agreed. */
export const positionIf = (consent: boolean) => (consent ? currentPosition() : Promise.resolve(undefined));

export function PositionConsent({ consent, onChange }: { consent: boolean; onChange: (consent: boolean) => void }) {
  return (
    <label class="check-field field-wide">
      <input type="checkbox" checked={consent} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="position-consent" />
      {' '}Record where this phone is with each scan or check-out (the browser asks once; refusing never stops a scan)
    </label>
  );
}
