/**
 * Requests sent while the app is still starting: the session check and the first screen's data go
 * out together, as soon as the page's script runs, instead of one after the other once the app has
 * rendered. The app's client takes each answer once, for the same address and token; unclaimed
 * answers are dropped after a while (the person may have moved on).
 */

interface Early {
  token: string;
  answer: Promise<Response | undefined>;
  sentAt: number;
}

const KEEP_MS = 10_000;
const early = new Map<string, Early>();

export function prefetch(url: string, token: string): void {
  const answer = fetch(url, {
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    credentials: 'same-origin',
  }).catch(() => undefined);
  early.set(url, { token, answer, sentAt: performance.now() });
}

/** The early answer for this address and token, once; undefined when there is none (or it failed). */
export function takePrefetched(url: string, token: string): Promise<Response | undefined> | undefined {
  const entry = early.get(url);
  if (!entry) return undefined;
  early.delete(url);
  if (entry.token !== token || performance.now() - entry.sentAt > KEEP_MS) return undefined;
  return entry.answer;
}
