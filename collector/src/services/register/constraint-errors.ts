import { ApiProblem } from '../errors.js';

/** Which field a unique index protects, to name it when a write collides. */
const UNIQUE_FIELDS: Record<string, string> = {
  register_assets_tag: 'tag',
  register_people_email: 'email',
  register_people_username: 'username',
};

/** What a referencing table holds, in words, to say why a record cannot be deleted. */
const USED_BY: Record<string, string> = {
  register_assets: 'assets', register_people: 'people', register_departments: 'departments', register_locations: 'locations within it',
  register_categories: 'categories within it', register_models: 'models', register_contracts: 'contracts', register_audit_rounds: 'audit rounds',
  register_maintenance_schedules: 'maintenance schedules', register_work_orders: 'work orders',
};

function snakeToCamel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Turns a PostgreSQL constraint error into the answer a client can act on: 409 for a duplicate or
 * an object still in use, 400 for a reference to something that does not exist. Other errors pass.
 */
export function translateConstraintError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; detail?: string; message?: string };
  if (e?.code === '23505') {
    const field = UNIQUE_FIELDS[e.constraint ?? ''] ?? (e.constraint?.endsWith('_name') ? 'name' : 'value');
    return new ApiProblem(409, 'duplicate', `${field}: already used by another record`, [`${field}: already used by another record`]);
  }
  // 23001: a RESTRICT foreign key (PostgreSQL 17 reports it apart from NO ACTION ones).
  if (e?.code === '23503' || e?.code === '23001') {
    const column = /Key \(([a-z_]+)\)/.exec(e.detail ?? '')?.[1];
    if (e.code === '23001' || /is (still )?referenced/.test(e.detail ?? '')) {
      const user = USED_BY[/referenced from table "([a-z_]+)"/.exec(e.detail ?? '')?.[1] ?? ''];
      const by = user ? `by ${user}` : 'by other register records';
      return new ApiProblem(409, 'in_use', `this record is still in use ${by}; reassign or remove those first`);
    }
    const field = column ? snakeToCamel(column) : 'reference';
    return new ApiProblem(400, 'unknown_reference', `${field}: refers to a record that does not exist`, [`${field}: refers to a record that does not exist`]);
  }
  if (e?.code === '23514') return new ApiProblem(400, 'constraint', e.message ?? 'a value breaks a rule of the register');
  return error;
}

/** Runs a store write, answering constraint errors as client errors. */
export async function withConstraintAnswers<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateConstraintError(error);
  }
}
