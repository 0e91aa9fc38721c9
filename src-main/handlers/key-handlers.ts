import type { HandlersOf } from '../ipc/dispatch';
import type { KeyService } from '../keychain/key-service';

/**
 * The API key: its status, saving it (checked by the gateway first, or as it is), removing and testing it; the key
 * itself never goes back to the renderer.
 */
export function keyHandlers({
  keys,
  onKeySaved = () => undefined,
}: {
  keys: KeyService;
  /** Told after a key was kept, so what needed a key (the gateway's model list) can ask now. */
  onKeySaved?: () => void;
}): HandlersOf<'key'> {
  return {
    'key:status': () => keys.status(),
    'key:save': async ({ key, sessionOnly }) => {
      const status = await keys.save(key, { sessionOnly });
      onKeySaved();
      return status;
    },
    'key:remove': () => keys.remove(),
    'key:test': () => keys.testConnection(),
    'key:verify': async ({ key, sessionOnly, saveUnverified }) => {
      const verification = await keys.verifyAndSave(key, { sessionOnly, saveUnverified });
      if (verification.saved) onKeySaved();
      return verification;
    },
  };
}
