import { readSession } from './api/session.js';
import { DEVICES_PATH, STATISTICS_PATH, devicesQuery, listQuery } from './api/devices-query.js';
import { prefetch } from './api/prefetch.js';
import { queryString } from './api/query-string.js';
import { parseRoute } from './routing/routes.js';

function firstScreenRequest(): string | undefined {
  const route = parseRoute(location.pathname, location.search);
  if (route.name === 'overview') return STATISTICS_PATH;
  if (route.name === 'devices') return `${DEVICES_PATH}${queryString(devicesQuery(listQuery(route.list)))}`;
  return undefined;
}

/**
 * Imported first by the entry module, so it runs before the rest of the app is even evaluated: with
 * a session, the session check and the first screen's main request leave at once, side by side.
 * It imports nothing that builds schemas, so nothing delays it.
 */
const session = readSession();
if (session) {
  prefetch('/api/v1/me', session.token);
  const first = firstScreenRequest();
  if (first) prefetch(first, session.token);
}
