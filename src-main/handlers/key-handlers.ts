import type { HandlersOf } from '../ipc/dispatch';
import type { KeyService } from '../keychain/key-service';

/**
 * The API key: its status, saving it (checked by the gateway first, or as it is), removing and testing it; the key
 * itself never goes back to the renderer.
 */
export function keyHandlers({ keys }: { keys: KeyService }): HandlersOf<'key'> {
  return {
    'key:status': () => keys.status(),
    'key:save': ({ key, sessionOnly }) => keys.save(key, { sessionOnly }),
    'key:remove': () => keys.remove(),
    'key:test': () => keys.testConnection(),
    'key:verify': ({ key, sessionOnly, saveUnverified }) =>
      keys.verifyAndSave(key, { sessionOnly, saveUnverified }),
  };
}
