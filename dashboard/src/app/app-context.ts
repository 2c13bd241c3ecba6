import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { Me } from '../api/account.js';
import type { LiveEvents } from '../api/live-events.js';

/** What every signed-in screen needs: the API, who is signed in, the live channel, and a way out. */
export interface AppServices {
  api: ApiClient;
  me: Me;
  live: LiveEvents;
  logOut: () => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp is only for screens shown after signing in');
  return services;
}
