import type { FastifyInstance } from 'fastify';
import {
  categoryInput, categoryListQuery, departmentInput, departmentListQuery, locationInput, locationListQuery,
  manufacturerInput, manufacturerListQuery, modelInput, modelListQuery, personInput, personListQuery, vendorInput, vendorListQuery,
} from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import {
  categoriesTable, departmentsTable, locationsTable, manufacturersTable, modelsTable, peopleTable, vendorsTable,
} from '../../store/register/reference-tables.js';
import { recordRoutes } from './record-routes.js';

/** The register's reference objects: what assets are classified by, made by, bought from, kept at and held by. */
export function referenceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  recordRoutes(app, ctx, { path: 'categories', spec: categoriesTable, input: categoryInput, listQuery: categoryListQuery });
  recordRoutes(app, ctx, { path: 'manufacturers', spec: manufacturersTable, input: manufacturerInput, listQuery: manufacturerListQuery });
  recordRoutes(app, ctx, { path: 'vendors', spec: vendorsTable, input: vendorInput, listQuery: vendorListQuery });
  recordRoutes(app, ctx, { path: 'models', spec: modelsTable, input: modelInput, listQuery: modelListQuery });
  recordRoutes(app, ctx, { path: 'locations', spec: locationsTable, input: locationInput, listQuery: locationListQuery });
  recordRoutes(app, ctx, { path: 'departments', spec: departmentsTable, input: departmentInput, listQuery: departmentListQuery });
  recordRoutes(app, ctx, { path: 'people', spec: peopleTable, input: personInput, listQuery: personListQuery });
}
