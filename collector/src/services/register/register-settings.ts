import type { RegisterSettings } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { insertHistory } from '../../store/register/history.js';
import { writeRegisterSettings } from '../../store/register/settings.js';
import type { Actor } from './actor.js';
import { currentRegisterSettings } from './tags.js';

export async function changeRegisterSettings(db: Database, actor: Actor, settings: RegisterSettings): Promise<RegisterSettings> {
  return db.transaction(async (tx) => {
    const before = await currentRegisterSettings(tx);
    await writeRegisterSettings(tx, settings);
    await insertHistory(tx, [{ objectType: 'settings', objectId: 'register', action: 'updated', by: actor.username, before, after: settings }]);
    return settings;
  });
}
