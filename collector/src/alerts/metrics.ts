import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The collector's Prometheus metrics that any module may feed: import `metrics` and call, e.g.,
 * `metrics.reportsIngested.inc({ outcome: 'applied' })` or `const end = metrics.pollDuration.startTimer(); …; end()`.
 * Figures that are read when scraped (connected agents, queue depths, open alerts) are added by
 * the /metrics route for each running collector.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'steward_' });

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const metrics = {
  reportsIngested: new Counter({
    name: 'steward_reports_ingested_total',
    help: 'Agent inventory reports received, by outcome (applied, stale, duplicate, rejected)',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
  ingestDuration: new Histogram({
    name: 'steward_report_ingest_duration_seconds',
    help: 'Time to store one agent report',
    buckets: seconds,
    registers: [metricsRegistry],
  }),
  pollDuration: new Histogram({
    name: 'steward_poll_duration_seconds',
    help: 'Duration of one poll of a device, by kind (snmp-interfaces, snmp-probe, sweep)',
    labelNames: ['kind'] as const,
    buckets: seconds,
    registers: [metricsRegistry],
  }),
  reconcileDuration: new Histogram({
    name: 'steward_reconcile_duration_seconds',
    help: 'Duration of one reconciliation pass, by what was reconciled (device, licences, findings)',
    labelNames: ['scope'] as const,
    buckets: seconds,
    registers: [metricsRegistry],
  }),
  alertEvaluationDuration: new Histogram({
    name: 'steward_alert_evaluation_duration_seconds',
    help: 'Duration of one evaluation of every alert rule',
    buckets: seconds,
    registers: [metricsRegistry],
  }),
  alertChanges: new Counter({
    name: 'steward_alert_changes_total',
    help: 'Alerts opened, resolved and reminded by evaluations',
    labelNames: ['change'] as const,
    registers: [metricsRegistry],
  }),
  deliveries: new Counter({
    name: 'steward_deliveries_total',
    help: 'Notification deliveries attempted, by channel and outcome (delivered, retry, failed)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
};
