import { unpricedNote, type FindingType } from '@steward/shared';
import { fetchLicenceGlance, fetchLicenceTrend, fetchLiveAlertCounts, fetchNetworkReachability, fetchOpenFindingCounts, FINDING_TYPES } from '../../api/overview.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { TrendChart } from '../../components/trend-chart.js';
import { formatCount } from '../../format/numbers.js';
import { useIdleLoader } from '../../hooks/use-idle-loader.js';
import { can } from '../../permissions.js';
import { formatMoney } from '../licences/format-money.js';

const FINDING_LABELS: Record<FindingType, string> = {
  unregistered: 'Unregistered devices', missing: 'Missing devices', mismatch: 'Mismatched records', ambiguous: 'Ambiguous matches',
  duplicate: 'Possible duplicates',
};

/** A figure with its meaning in words; a warning mark, not only a colour, when it needs attention. */
function Figure({ label, value, href, warn, detail }: { label: string; value: string; href?: string; warn: boolean; detail?: string | null }) {
  const body = (
    <>
      <span class="glance-value">{warn ? <span aria-hidden="true">⚠ </span> : null}{value}</span>
      <span class="glance-label">{label}</span>
      {detail ? <span class="glance-detail">{detail}</span> : null}
    </>
  );
  return <li class={`glance-item${warn ? ' glance-warn' : ''}`}>{href ? <a href={href}>{body}</a> : body}</li>;
}

/** Compliance at a glance: the licence position and the review queue, for roles that may read them. */
export function CompliancePanel({ version }: { version: number }) {
  const { api, me } = useApp();
  const licences = useIdleLoader(`glance:${version}`, can(me.role, 'licenses:read') ? (signal) => fetchLicenceGlance(api, signal) : null);
  const findings = useIdleLoader(`findings:${version}`, can(me.role, 'findings:read') ? (signal) => fetchOpenFindingCounts(api, signal) : null);
  if (!licences.enabled && !findings.enabled) return null;
  return (
    <section class="card" aria-labelledby="compliance-title" data-testid="compliance-glance">
      <h2 id="compliance-title" class="card-title">Compliance at a glance</h2>
      {licences.error ?? findings.error ? <ErrorNotice error={licences.error ?? findings.error} /> : null}
      {(licences.enabled && !licences.data) || (findings.enabled && !findings.data) ? <LoadingRow /> : null}
      <ul class="glance-list">
        {licences.data ? (
          <>
            <Figure label="Products in shortfall" value={formatCount(licences.data.productsInShortfall)} href="/licences" warn={licences.data.productsInShortfall > 0} />
            <Figure label="Unlicensed installs" value={formatCount(licences.data.unlicensedInstalls)} href="/licences" warn={licences.data.unlicensedInstalls > 0} />
            <Figure label="Cost of the shortfall" value={formatMoney(licences.data.shortfallCost, 'EUR')} href="/licences"
              warn={licences.data.shortfallCost > 0 || licences.data.unpricedProducts > 0} detail={unpricedNote(licences.data)} />
          </>
        ) : null}
        {findings.data ? FINDING_TYPES.map((type) => (
          <Figure key={type} label={FINDING_LABELS[type]} value={formatCount(findings.data![type])} href="/findings" warn={findings.data![type] > 0} />
        )) : null}
      </ul>
    </section>
  );
}

/** Network gear answering its polls or not. */
export function NetworkPanel({ version }: { version: number }) {
  const { api, me } = useApp();
  const network = useIdleLoader(`network:${version}`, can(me.role, 'discovery:read') ? (signal) => fetchNetworkReachability(api, signal) : null);
  if (!network.enabled) return null;
  const data = network.data;
  return (
    <section class="card" aria-labelledby="network-title" data-testid="network-glance">
      <h2 id="network-title" class="card-title">Network devices</h2>
      {network.error ? <ErrorNotice error={network.error} /> : null}
      {!data && !network.error ? <LoadingRow /> : null}
      {data ? (
        <ul class="glance-list">
          <Figure label="Up" value={formatCount(data.up)} href="/network" warn={false} />
          <Figure label="Down" value={formatCount(data.down)} href="/network" warn={data.down > 0} />
          <Figure label="Not polled yet" value={formatCount(Math.max(0, data.total - data.up - data.down))} warn={false} />
        </ul>
      ) : null}
    </section>
  );
}

/** Live alerts by severity, each a way into the alerts list. */
export function AlertsPanel({ version }: { version: number }) {
  const { api, me } = useApp();
  const alerts = useIdleLoader(`alerts:${version}`, can(me.role, 'alerts:read') ? (signal) => fetchLiveAlertCounts(api, signal) : null);
  if (!alerts.enabled) return null;
  const data = alerts.data;
  return (
    <section class="card" aria-labelledby="alerts-glance-title" data-testid="alerts-glance">
      <h2 id="alerts-glance-title" class="card-title">Alerts</h2>
      {alerts.error ? <ErrorNotice error={alerts.error} /> : null}
      {!data && !alerts.error ? <LoadingRow /> : null}
      {data ? (
        <ul class="glance-list">
          <Figure label="Critical" value={formatCount(data.critical)} href="/alerts" warn={data.critical > 0} />
          <Figure label="Warning" value={formatCount(data.warning)} href="/alerts" warn={data.warning > 0} />
          <Figure label="Information" value={formatCount(data.info)} href="/alerts" warn={false} />
        </ul>
      ) : null}
    </section>
  );
}

/** Licence consumption and shortfall over the last month. */
export function TrendPanel({ version }: { version: number }) {
  const { api, me } = useApp();
  const trend = useIdleLoader(`trend:${version}`, can(me.role, 'licenses:read') ? (signal) => fetchLicenceTrend(api, 30, signal) : null);
  if (!trend.enabled) return null;
  return (
    <section class="card" aria-labelledby="trend-title" data-testid="licence-trend">
      <h2 id="trend-title" class="card-title">Licences over the last 30 days</h2>
      {trend.error ? <ErrorNotice error={trend.error} /> : null}
      {!trend.data && !trend.error ? <LoadingRow /> : null}
      {trend.data && trend.data.length === 0 ? <p class="muted">No licence position computed yet: it is recorded at each full reconciliation.</p> : null}
      {trend.data && trend.data.length > 0 ? (
        <TrendChart
          caption="Licence units consumed and short over time"
          times={trend.data.map((p) => p.time)}
          series={[
            { label: 'Units consumed', tone: 'primary', values: trend.data.map((p) => p.consumed) },
            { label: 'Units short', tone: 'secondary', values: trend.data.map((p) => p.shortfall) },
          ]}
        />
      ) : null}
    </section>
  );
}
