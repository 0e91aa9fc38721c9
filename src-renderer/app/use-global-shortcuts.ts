import { useLayoutEffect } from 'react';
import { isInDialog, isTyping } from '../dom/keyboard-target';
import { matches, matchShortcut } from '../shortcuts/shortcut-table';
import { useAppStoreApi } from './use-app-store';
import type { View } from './navigation-slice';

const viewShortcuts = {
  'app.generate': 'generate',
  'app.library': 'library',
  'app.edit': 'edit',
  'app.usage': 'usage',
  'app.settings': 'settings',
} as const satisfies Record<string, View>;

const viewShortcutIds = Object.keys(viewShortcuts) as (keyof typeof viewShortcuts)[];

/**
 * Ctrl (Cmd on macOS) + 1, 2, 3 and comma switch views from anywhere, as in most desktop creative tools, and `?`
 * lists every shortcut. Attached before the first paint (a layout effect), so a shortcut pressed as soon as the
 * window shows is not lost.
 */
export function useGlobalShortcuts(): void {
  const store = useAppStoreApi();
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const view = matchShortcut(event, viewShortcutIds);
      if (view) {
        event.preventDefault();
        store.getState().navigate(viewShortcuts[view]);
        return;
      }
      // `?` is a character in a text field, and a dialog's keys are the dialog's.
      if (matches(event, 'app.shortcuts') && !isTyping(event.target) && !isInDialog(event.target)) {
        event.preventDefault();
        store.getState().setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [store]);
}
