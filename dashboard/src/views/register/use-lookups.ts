import { useCallback } from 'preact/hooks';
import { fetchReferences, type ReferencePath, type ReferenceRecord } from '../../api/register-records.js';
import { useApp } from '../../app/app-context.js';
import { useLoader } from '../../hooks/use-loader.js';

/** One reference list, loaded once per screen and reloaded on demand. */
export function useReferences<P extends ReferencePath>(path: P) {
  const { api } = useApp();
  return useLoader(`register-${path}`, useCallback((signal: AbortSignal) => fetchReferences(api, path, signal), [api, path]));
}

export interface Lookups {
  categories?: ReferenceRecord<'categories'>[];
  models?: ReferenceRecord<'models'>[];
  manufacturers?: ReferenceRecord<'manufacturers'>[];
  locations?: ReferenceRecord<'locations'>[];
  departments?: ReferenceRecord<'departments'>[];
  vendors?: ReferenceRecord<'vendors'>[];
  people?: ReferenceRecord<'people'>[];
}

/** Every list a register form chooses from. */
export function useLookups(): Lookups {
  const categories = useReferences('categories');
  const models = useReferences('models');
  const manufacturers = useReferences('manufacturers');
  const locations = useReferences('locations');
  const departments = useReferences('departments');
  const vendors = useReferences('vendors');
  const people = useReferences('people');
  return {
    categories: categories.data?.items, models: models.data?.items, manufacturers: manufacturers.data?.items, locations: locations.data?.items,
    departments: departments.data?.items, vendors: vendors.data?.items, people: people.data?.items,
  };
}
