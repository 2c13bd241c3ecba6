import type { FastifyInstance } from 'fastify';
import {
  categoryInput, categoryListQuery, departmentInput, departmentListQuery, locationInput, locationListQuery,
  manufacturerInput, manufacturerListQuery, modelInput, modelListQuery, personInput, personListQuery, vendorInput, vendorListQuery,
} from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import {
  categoriesTable, departmentsTable, locationsTable, manufacturersTable, modelsTable, peopleTable, vendorsTable,
} from '../../store/register/reference-tables.js';
import { mergeRoutes } from './merge-routes.js';
import { recordRoutes } from './record-routes.js';

/** The register's reference objects: what assets are classified by, made by, bought from, kept at and held by. */
export function referenceRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const screens = [
    { path: 'categories', spec: categoriesTable, input: categoryInput, listQuery: categoryListQuery },
    { path: 'manufacturers', spec: manufacturersTable, input: manufacturerInput, listQuery: manufacturerListQuery },
    { path: 'vendors', spec: vendorsTable, input: vendorInput, listQuery: vendorListQuery },
    { path: 'models', spec: modelsTable, input: modelInput, listQuery: modelListQuery },
    { path: 'locations', spec: locationsTable, input: locationInput, listQuery: locationListQuery },
    { path: 'departments', spec: departmentsTable, input: departmentInput, listQuery: departmentListQuery },
    { path: 'people', spec: peopleTable, input: personInput, listQuery: personListQuery },
  ];
  for (const screen of screens) {
    recordRoutes(app, ctx, screen);
    mergeRoutes(app, ctx, screen.path, screen.spec);
  }
}
