import type { FastifyInstance } from 'fastify';
import { dashboardMessage } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { authenticateToken } from '../services/auth.js';
import { watchSession } from '../services/dashboard-sessions.js';
import { hashToken } from '../services/tokens.js';

const AUTH_WINDOW_MS = 5_000;
/** How often an open socket checks that its session still stands (a user disabled, a password changed). */
const SESSION_CHECK_MS = 30_000;

/** Live events for dashboards: the first message must carry a valid session token. */
export function eventRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/events', { websocket: true }, (socket, request) => {
    let unsubscribe: (() => void) | undefined;
    let unwatch: (() => void) | undefined;
    let recheck: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => socket.close(4401, 'authentication required'), AUTH_WINDOW_MS);
    socket.on('message', async (data: Buffer) => {
      if (unsubscribe) return;
      let parsed;
      try {
        parsed = dashboardMessage.safeParse(JSON.parse(data.toString('utf8')));
      } catch {
        parsed = undefined;
      }
      const user = parsed?.success ? await authenticateToken(ctx.db, parsed.data.token).catch(() => undefined) : undefined;
      if (!user) {
        socket.send(JSON.stringify({ type: 'error', message: 'token: not a valid session' }));
        socket.close(4401, 'authentication failed');
        return;
      }
      clearTimeout(timer);
      const token = parsed!.data!.token;
      unwatch = watchSession(hashToken(token), () => socket.close(4401, 'signed out'));
      recheck = setInterval(() => {
        void authenticateToken(ctx.db, token).then((still) => {
          if (!still) socket.close(4401, 'session ended');
        }).catch(() => undefined);
      }, SESSION_CHECK_MS);
      unsubscribe = ctx.live.subscribe((event) => socket.send(JSON.stringify(event)));
      socket.send(JSON.stringify({ type: 'ready' }));
      request.log.debug({ user: user.username }, 'dashboard subscribed to live events');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      clearInterval(recheck);
      unwatch?.();
      unsubscribe?.();
    });
  });
}
