import { organisationSettings, type OrganisationSettings } from '@steward/shared';
import type { Queryable } from './database.js';
import { readSettingOf, writeSetting } from './settings.js';

const KEY = 'organisation';

export const readOrganisation = (db: Queryable): Promise<OrganisationSettings> => readSettingOf(db, KEY, organisationSettings);

export const writeOrganisation = (db: Queryable, value: OrganisationSettings): Promise<void> => writeSetting(db, KEY, value);
