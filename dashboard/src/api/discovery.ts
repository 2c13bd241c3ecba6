import {
  asset, certificateScanView, certificateView, domainView, subnetDetail, subnetSummary,
  type CertificateScanView, type DomainView, type TlsPort,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { itemsAnswer } from './items-answer.js';

/* Certificates, domains and the address space: what discovery finds beyond agents and SNMP. */

const certificateList = itemsAnswer(certificateView);
const domainList = itemsAnswer(domainView);
const subnetList = itemsAnswer(subnetSummary);

export function fetchCertificates(api: ApiClient, query: { registered?: string }, signal?: AbortSignal) {
  return api.request(certificateList, '/api/v1/certificates', { signal, query: { ...query, limit: 500 } });
}

export function startCertificateScan(api: ApiClient, include: string[], ports?: TlsPort[]): Promise<CertificateScanView> {
  return api.request(certificateScanView, '/api/v1/certificates/scans', { method: 'POST', body: { include, ...(ports ? { ports } : {}) } });
}

export function fetchCertificateScan(api: ApiClient, id: string, signal?: AbortSignal): Promise<CertificateScanView> {
  return api.request(certificateScanView, `/api/v1/certificates/scans/${encodeURIComponent(id)}`, { signal });
}

export function registerCertificate(api: ApiClient, id: string) {
  return api.request(asset, `/api/v1/certificates/${encodeURIComponent(id)}/register`, { method: 'POST', body: {} });
}

export function fetchDomains(api: ApiClient, signal?: AbortSignal) {
  return api.request(domainList, '/api/v1/domains', { signal });
}

export function addDomain(api: ApiClient, name: string): Promise<DomainView> {
  return api.request(domainView, '/api/v1/domains', { method: 'POST', body: { name } });
}

export function refreshDomain(api: ApiClient, name: string): Promise<DomainView> {
  return api.request(domainView, `/api/v1/domains/${encodeURIComponent(name)}/refresh`, { method: 'POST', body: {} });
}

export function registerDomain(api: ApiClient, name: string) {
  return api.request(asset, `/api/v1/domains/${encodeURIComponent(name)}/register`, { method: 'POST', body: {} });
}

export function fetchSubnets(api: ApiClient, signal?: AbortSignal) {
  return api.request(subnetList, '/api/v1/address-space/subnets', { signal });
}

export function fetchSubnet(api: ApiClient, cidr: string, signal?: AbortSignal) {
  return api.request(subnetDetail, '/api/v1/address-space/subnet', { signal, query: { cidr } });
}
