import type { FastifyInstance } from 'fastify';
import { maintenanceDueQuery, maintenanceScheduleInput, scheduleListQuery, workOrderInput, workOrderListQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { checkSchedule, completeWorkOrder, maintenanceDue } from '../../services/register/maintenance.js';
import { today } from '../../services/register/valuation.js';
import { scheduleTable, workOrdersTable } from '../../store/register/maintenance-tables.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { recordRoutes } from './record-routes.js';

/** Recurring maintenance schedules, work orders (the history per asset) and what is due. */
export function maintenanceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  recordRoutes(app, ctx, {
    path: 'maintenance/schedules', spec: scheduleTable, input: maintenanceScheduleInput, listQuery: scheduleListQuery, hook: () => checkSchedule,
  });
  recordRoutes(app, ctx, {
    path: 'maintenance/work-orders', spec: workOrdersTable, input: workOrderInput, listQuery: workOrderListQuery, hook: () => completeWorkOrder,
  });

  app.get('/api/v1/register/maintenance/due', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const query = validate(maintenanceDueQuery, request.query, 'query');
    return { items: await maintenanceDue(ctx.db, query.on ?? today(), query.withinDays, query.overdueOnly ?? false) };
  });
}
