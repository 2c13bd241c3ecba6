import type { RegisterSettings } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { writeRegisterSettings } from '../../store/register/settings.js';
import type { Actor } from './actor.js';
import { currentRegisterSettings } from './tags.js';
import { recordChanges } from './record-changes.js';

export async function changeRegisterSettings(db: Database, actor: Actor, settings: RegisterSettings): Promise<RegisterSettings> {
  return db.transaction(async (tx) => {
    const before = await currentRegisterSettings(tx);
    await writeRegisterSettings(tx, settings);
    await recordChanges(tx, actor, [{ objectType: 'settings', objectId: 'register', action: 'updated', before, after: settings }]);
    return settings;
  });
}
