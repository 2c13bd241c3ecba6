import type { CustomFieldDefinition } from '@steward/shared';
import type { ImportReferences, NamedRow, PersonRef } from '../../../store/register/import-references.js';

const lower = (s: string) => s.trim().toLowerCase();
const nameKey = (s: string | null | undefined) => lower(s ?? '');

function byName<T extends NamedRow>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(lower(row.name), [...(map.get(lower(row.name)) ?? []), row]);
  return map;
}

/** A location or category path as people write it: "HQ / Building A / Room 1" or "HQ > Building A". */
export function splitPath(cell: string): string[] {
  return cell.split(/\s+[/>]\s+/).map((p) => p.trim()).filter(Boolean);
}

export interface PersonKey { name?: string; email?: string; username?: string; employeeNumber?: string }

/** Finds register records by the names a CSV file uses for them. */
export class ReferenceIndex {
  private readonly categoriesByName;
  private readonly categoryPaths = new Map<string, string>();
  private readonly categoriesById;
  private readonly models = new Map<string, string>();
  private readonly modelCategories = new Map<string, string>();
  private readonly named: Record<'manufacturers' | 'vendors' | 'departments', Map<string, NamedRow[]>>;
  private readonly locationPaths = new Map<string, string>();
  private readonly locationsByName;
  private readonly people: Array<[keyof PersonKey, Map<string, PersonRef[]>]>;

  constructor(refs: ImportReferences) {
    this.categoriesById = new Map(refs.categories.map((c) => [c.id, c]));
    this.categoriesByName = byName(refs.categories);
    for (const c of refs.categories) this.categoryPaths.set(this.pathOf(c.id, this.categoriesById).join(' / '), c.id);
    const manufacturerNames = new Map(refs.manufacturers.map((m) => [m.id, lower(m.name)]));
    for (const m of refs.models) {
      this.models.set(`${manufacturerNames.get(m.manufacturerId ?? '') ?? ''}|${lower(m.name)}`, m.id);
      if (!this.models.has(`*|${lower(m.name)}`)) this.models.set(`*|${lower(m.name)}`, m.id);
      this.modelCategories.set(m.id, m.categoryId);
    }
    this.named = { manufacturers: byName(refs.manufacturers), vendors: byName(refs.vendors), departments: byName(refs.departments) };
    const locationsById = new Map(refs.locations.map((l) => [l.id, l]));
    for (const l of refs.locations) this.locationPaths.set(this.pathOf(l.id, locationsById).join(' / '), l.id);
    this.locationsByName = byName(refs.locations);
    const index = (pick: (p: PersonRef) => string | null) => {
      const map = new Map<string, PersonRef[]>();
      for (const p of refs.people) {
        const key = pick(p);
        if (key) map.set(lower(key), [...(map.get(lower(key)) ?? []), p]);
      }
      return map;
    };
    this.people = [
      ['email', index((p) => p.email)], ['username', index((p) => p.username)],
      ['employeeNumber', index((p) => p.employeeNumber)], ['name', index((p) => p.name)],
    ];
  }

  private pathOf(id: string, nodes: Map<string, { name: string; parentId: string | null }>): string[] {
    const parts: string[] = [];
    for (let n = nodes.get(id), depth = 0; n && depth < 32; n = n.parentId ? nodes.get(n.parentId) : undefined, depth++) parts.unshift(lower(n.name));
    return parts;
  }

  /** A category by key ("hardware.servers"), path ("Hardware / Servers") or a name used once. */
  category(cell: string): { id: string; customFields: CustomFieldDefinition[] } | { error: string } {
    const viaPath = this.categoryPaths.get(splitPath(cell).map(lower).join(' / '));
    const viaKey = [...this.categoriesById.values()].find((c) => c.key === cell.trim());
    const named = this.categoriesByName.get(lower(cell)) ?? [];
    const found = viaPath ?? viaKey?.id ?? (named.length === 1 ? named[0]!.id : undefined);
    if (found) return { id: found, customFields: this.categoriesById.get(found)!.customFields };
    if (named.length > 1) return { error: `"${cell}" names several categories; write its path, e.g. "Hardware / ${cell}"` };
    return { error: `"${cell}" is not a category of the register` };
  }

  categoryFields(id: string): CustomFieldDefinition[] {
    return this.categoriesById.get(id)?.customFields ?? [];
  }

  model(name: string, manufacturer?: string): string | undefined {
    return this.models.get(`${nameKey(manufacturer)}|${lower(name)}`) ?? (manufacturer ? undefined : this.models.get(`*|${lower(name)}`));
  }

  modelCategory(id: string): string | undefined {
    return this.modelCategories.get(id);
  }

  find(kind: 'manufacturers' | 'vendors' | 'departments', name: string): string | undefined {
    return this.named[kind].get(lower(name))?.[0]?.id;
  }

  /** A location by full path, or by a name used by only one location. */
  location(parts: string[]): string | undefined {
    const viaPath = this.locationPaths.get(parts.map(lower).join(' / '));
    if (viaPath || parts.length !== 1) return viaPath;
    const named = this.locationsByName.get(lower(parts[0]!)) ?? [];
    return named.length === 1 ? named[0]!.id : undefined;
  }

  /** A person by e-mail, username, employee number, then name; undefined when unknown or ambiguous. */
  person(key: PersonKey): { id: string } | { ambiguous: true } | undefined {
    for (const [field, map] of this.people) {
      const value = key[field];
      if (!value) continue;
      const found = map.get(lower(value)) ?? [];
      if (found.length === 1) return { id: found[0]!.id };
      if (found.length > 1) return { ambiguous: true };
    }
    return undefined;
  }
}
