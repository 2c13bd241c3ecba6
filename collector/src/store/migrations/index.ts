import * as foundation from './0001-foundation.js';
import * as timeSeries from './0002-time-series.js';
import * as register from './0003-register.js';
import * as reconcile from './0004-reconcile.js';
import * as audit from './0005-audit.js';
import * as network from './0006-network.js';
import * as reconcileSpeed from './0008-reconcile-speed.js';
import * as agentDelta from './0009-agent-delta.js';
import * as agentSecurity from './0010-agent-security.js';
import * as alerts from './0011-alerts.js';
import * as registerLists from './0012-register-lists.js';
import * as registerSearchPending from './0013-register-search-pending.js';
import * as deviceLicenceContext from './0014-device-licence-context.js';
import * as softwareTitleLink from './0015-software-title-link.js';
import * as singleSignOn from './0016-single-sign-on.js';
import * as personalTokens from './0017-personal-tokens.js';
import * as deviceIdentity from './0018-device-identity.js';
import * as oneDeviceAssetLink from './0020-one-device-asset-link.js';
import * as licenceFigures from './0022-licence-figures.js';
import * as agentPresence from './0026-agent-presence.js';
import * as softwareSearch from './0027-software-search.js';
import * as registerAttachments from './0029-register-attachments.js';
import * as certificatesAndDomains from './0031-certificates-and-domains.js';
import * as addressSpace from './0032-address-space.js';
import * as sshScanning from './0033-ssh-scanning.js';
import * as registerMergeAcceptanceSightings from './0034-register-merge-acceptance-sightings.js';
import * as futureDatedReports from './0024-future-dated-reports.js';
import * as accountSafety from './0025-account-safety.js';
import * as jobs from './0036-jobs.js';
import * as jobLeases from './0037-job-leases.js';
import * as softwareSearchHolders from './0038-software-search-holders.js';
import * as reconcileSoftwareOnly from './0039-reconcile-software-only.js';
import * as softwareCounts from './0040-software-counts.js';
import * as licenceDeviceContext from './0041-licence-device-context.js';
import * as licenceInstallsByProduct from './0042-licence-installs-by-product.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered and forward-only: a released migration is never edited, only followed by a new one. */
export const migrations: Migration[] = [
  { id: 1, name: 'foundation', sql: foundation.sql },
  { id: 2, name: 'time-series', sql: timeSeries.sql },
  { id: 3, name: 'register', sql: register.sql },
  { id: 4, name: 'reconcile', sql: reconcile.sql },
  { id: 5, name: 'audit', sql: audit.sql },
  { id: 6, name: 'network', sql: network.sql },
  { id: 8, name: 'reconcile-speed', sql: reconcileSpeed.sql },
  { id: 9, name: 'agent-delta', sql: agentDelta.sql },
  { id: 10, name: 'agent-security', sql: agentSecurity.sql },
  { id: 11, name: 'alerts', sql: alerts.sql },
  { id: 12, name: 'register-lists', sql: registerLists.sql },
  { id: 13, name: 'register-search-pending', sql: registerSearchPending.sql },
  { id: 14, name: 'device-licence-context', sql: deviceLicenceContext.sql },
  { id: 15, name: 'software-title-link', sql: softwareTitleLink.sql },
  { id: 16, name: 'single-sign-on', sql: singleSignOn.sql },
  { id: 17, name: 'personal-tokens', sql: personalTokens.sql },
  { id: 18, name: 'device-identity', sql: deviceIdentity.sql },
  { id: 20, name: 'one-device-asset-link', sql: oneDeviceAssetLink.sql },
  { id: 22, name: 'licence-figures', sql: licenceFigures.sql },
  { id: 24, name: 'future-dated-reports', sql: futureDatedReports.sql },
  { id: 25, name: 'account-safety', sql: accountSafety.sql },
  { id: 26, name: 'agent-presence', sql: agentPresence.sql },
  { id: 27, name: 'software-search', sql: softwareSearch.sql },
  { id: 29, name: 'register-attachments', sql: registerAttachments.sql },
  { id: 31, name: 'certificates-and-domains', sql: certificatesAndDomains.sql },
  { id: 32, name: 'address-space', sql: addressSpace.sql },
  { id: 33, name: 'ssh-scanning', sql: sshScanning.sql },
  { id: 34, name: 'register-merge-acceptance-sightings', sql: registerMergeAcceptanceSightings.sql },
  { id: 36, name: 'jobs', sql: jobs.sql },
  { id: 37, name: 'job-leases', sql: jobLeases.sql },
  { id: 38, name: 'software-search-holders', sql: softwareSearchHolders.sql },
  { id: 39, name: 'reconcile-software-only', sql: reconcileSoftwareOnly.sql },
  { id: 40, name: 'software-counts', sql: softwareCounts.sql },
  { id: 41, name: 'licence-device-context', sql: licenceDeviceContext.sql },
  { id: 42, name: 'licence-installs-by-product', sql: licenceInstallsByProduct.sql },
];
