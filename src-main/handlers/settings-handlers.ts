import type { Emit } from '../ipc/emit';
import type { HandlersOf } from '../ipc/dispatch';
import type { SettingsStore } from '../settings/settings-store';

/** Settings as the renderer edits them; every change is sent back out, so every view shows the same. */
export function settingsHandlers({
  settings,
  emit,
}: {
  settings: SettingsStore;
  emit: Emit;
}): HandlersOf<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => {
      const next = settings.update(patch);
      emit('settings:changed', next);
      return next;
    },
  };
}
