import net from 'node:net';

/**
 * Whether anything accepts a TCP connection on the port within the time: most addresses of a
 * sweep are silent, and silence is not a host's error. The connection is closed at once.
 */
export function portAnswers(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answered: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      socket.destroy();
      resolve(answered);
    };
    const abort = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    signal?.addEventListener('abort', abort, { once: true });
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
