import type { FastifyInstance } from 'fastify';
import { reportFormat, reportKind, reportScheduleInput } from '@steward/shared';
import { z } from 'zod';
import type { CollectorContext } from '../../context.js';
import { REPORTS, runReport } from '../../reports/report-catalogue.js';
import { reportCsv, reportPdf } from '../../reports/render-report.js';
import { changeSchedule, createSchedule, listSchedules, removeSchedule, runScheduleNow } from '../../reports/report-schedule-service.js';
import { requirePermission } from '../auth.js';
import { apiDoc } from '../openapi.js';
import { validate } from '../validate.js';

const idParams = z.object({ id: z.uuid() });
const reportPath = z.object({ kind: reportKind });
const formatQuery = z.object({ format: reportFormat.default('json') }).loose();

const tags = ['Reports'];

/** Reports on demand (JSON, CSV or PDF) and their schedules, which send them by e-mail. */
export function reportRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/reports', apiDoc({ tags, summary: 'The reports there are' }), async (request) => {
    await requirePermission(ctx, request, 'reports:run');
    return { items: Object.entries(REPORTS).map(([kind, r]) => ({ kind, title: r.title })) };
  });

  app.get('/api/v1/reports/:kind', apiDoc({ tags, summary: 'Run a report as JSON, CSV or PDF (format=…, plus the report parameters)', params: reportPath }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    const { kind } = validate(reportPath, request.params, 'path');
    const { format, ...params } = validate(formatQuery, request.query, 'query');
    const report = await runReport(ctx.db, kind, params);
    const stem = `${kind}-${report.generatedAt.slice(0, 10)}`;
    if (format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${stem}.csv"`).send(reportCsv(report));
    }
    if (format === 'pdf') {
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${stem}.pdf"`).send(await reportPdf(report));
    }
    return report;
  });

  app.get('/api/v1/report-schedules', apiDoc({ tags, summary: 'Scheduled reports' }), async (request) => {
    await requirePermission(ctx, request, 'reports:run');
    return listSchedules(ctx.db);
  });
  app.post('/api/v1/report-schedules', apiDoc({ tags, summary: 'Schedule a report by e-mail (cron, time zone, recipients)', body: reportScheduleInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'reports:run');
    const body = validate(reportScheduleInput, request.body, 'body');
    reply.code(201);
    return createSchedule(ctx.db, user, body);
  });
  app.put('/api/v1/report-schedules/:id', apiDoc({ tags, summary: 'Replace a report schedule', params: idParams, body: reportScheduleInput }), async (request) => {
    const user = await requirePermission(ctx, request, 'reports:run');
    const { id } = validate(idParams, request.params, 'path');
    return changeSchedule(ctx.db, user, id, validate(reportScheduleInput, request.body, 'body'));
  });
  app.delete('/api/v1/report-schedules/:id', apiDoc({ tags, summary: 'Delete a report schedule', params: idParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'reports:run');
    await removeSchedule(ctx.db, user, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });
  /** Sends the report to the schedule's recipients now, besides its regular runs. */
  app.post('/api/v1/report-schedules/:id/run', apiDoc({ tags, summary: 'Send a scheduled report now', params: idParams }), async (request, reply) => {
    await requirePermission(ctx, request, 'reports:run');
    await runScheduleNow(ctx.db, validate(idParams, request.params, 'path').id);
    return reply.code(202).send({ queued: true });
  });
}
