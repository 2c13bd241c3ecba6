/**
 * The live-event sockets each sign-in session holds open in this process, so signing out closes
 * them at once (sessions ended otherwise, by disabling a user, are caught by the sockets' own
 * periodic check).
 */
const sockets = new Map<string, Set<() => void>>();

/** Registers how to close a socket opened with the session `tokenHash`; returns the unregistering. */
export function watchSession(tokenHash: string, close: () => void): () => void {
  const held = sockets.get(tokenHash) ?? new Set();
  held.add(close);
  sockets.set(tokenHash, held);
  return () => {
    held.delete(close);
    if (held.size === 0) sockets.delete(tokenHash);
  };
}

/** Closes every live socket of a session that just ended. */
export function endSessionSockets(tokenHash: string): void {
  for (const close of sockets.get(tokenHash) ?? []) close();
  sockets.delete(tokenHash);
}
