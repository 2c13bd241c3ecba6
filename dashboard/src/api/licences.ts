import {
  catalogueProduct, entitlement, licencePosition, positionList, triageList, unlicensedInstall, type EntitlementInput, type LicencePosition, type ProductPriceInput,
} from '@steward/shared';
import type { AnswerSchema, ApiClient } from './api-client.js';
import { noContent } from './no-content.js';
import { itemsAnswer } from './items-answer.js';

const entitlements = itemsAnswer(entitlement);
const unlicensed = itemsAnswer(unlicensedInstall);

export function fetchPositions(api: ApiClient, signal?: AbortSignal) {
  return api.request(positionList, '/api/v1/licenses/position', { signal });
}

export function fetchUnlicensed(api: ApiClient, productId: string, signal?: AbortSignal) {
  return api.request(unlicensed, '/api/v1/licenses/unlicensed', { signal, query: { productId, limit: 200 } });
}

export function fetchEntitlements(api: ApiClient, signal?: AbortSignal) {
  return api.request(entitlements, '/api/v1/licenses/entitlements', { signal, query: { limit: 200 } });
}

export function fetchTriage(api: ApiClient, signal?: AbortSignal) {
  return api.request(triageList, '/api/v1/software/triage', { signal, query: { limit: 100 } });
}

const products = itemsAnswer(catalogueProduct);

/** Commercial catalogue products, the ones an entitlement can cover. */
export function fetchCommercialProducts(api: ApiClient, signal?: AbortSignal) {
  return api.request(products, '/api/v1/catalogue/products', { signal, query: { licence: 'commercial' } });
}

export function addEntitlement(api: ApiClient, input: EntitlementInput) {
  return api.request(entitlement, '/api/v1/licenses/entitlements', { method: 'POST', body: input });
}

/** Licence keys and allocations left out of `input` are kept as stored. */
export function replaceEntitlement(api: ApiClient, id: string, input: EntitlementInput) {
  return api.request(entitlement, `/api/v1/licenses/entitlements/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function deleteEntitlement(api: ApiClient, id: string) {
  return api.request(noContent, `/api/v1/licenses/entitlements/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

const pricedPosition: AnswerSchema<{ position: LicencePosition | null }> = {
  parse: (data) => ({ position: licencePosition.nullable().parse((data as { position?: unknown } | null)?.position ?? null) }),
};

/** Prices a product's shortfall: the catalogue's list price or the organisation's own; null clears it. */
export function setProductPrice(api: ApiClient, productId: string, input: ProductPriceInput) {
  return api.request(pricedPosition, `/api/v1/licenses/position/${encodeURIComponent(productId)}/price`, { method: 'PUT', body: input });
}
