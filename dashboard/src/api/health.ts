import { healthAnswer, type HealthAnswer } from '@steward/shared';
import type { ApiClient } from './api-client.js';

export function fetchHealth(api: ApiClient, signal?: AbortSignal): Promise<HealthAnswer> {
  return api.request(healthAnswer, '/api/v1/health', { signal });
}
