import type { CollectorContext } from '../context.js';
import { closeSettledFindingTickets } from '../integrations/ticket-service.js';
import { runDueReportSchedules } from '../reports/report-schedule-service.js';
import { alertConfigOf, alertDepsFrom } from './alert-deps.js';
import { AlertScheduler, defaultSchedulerOptions, type TickJob } from './alert-scheduler.js';

/** Starts this collector's share of the alert work; stop it before the database closes. */
export function startAlertScheduler(ctx: CollectorContext, extraJobs: TickJob[] = []): AlertScheduler {
  const interval = alertConfigOf(ctx).alertIntervalSeconds;
  const scheduler = new AlertScheduler(alertDepsFrom(ctx), defaultSchedulerOptions({
    ...(interval ? { intervalSeconds: interval } : {}),
    jobs: [closeSettledFindingTickets, runDueReportSchedules, ...extraJobs],
  }));
  scheduler.start();
  return scheduler;
}
