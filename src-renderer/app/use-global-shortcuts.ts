import { useLayoutEffect } from 'react';
import { useAppStore } from './use-app-store';
import type { View } from './navigation-slice';

const viewKeys: Record<string, View> = { '1': 'generate', '2': 'library', '3': 'edit', ',': 'settings' };

/**
 * Ctrl (Cmd on macOS) + 1, 2, 3 and comma switch views from anywhere, as in most desktop creative tools. Attached
 * before the first paint (a layout effect), so a shortcut pressed as soon as the window shows is not lost.
 */
export function useGlobalShortcuts(): void {
  const navigate = useAppStore((s) => s.navigate);
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = viewKeys[event.key];
      if (!target) return;
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [navigate]);
}
