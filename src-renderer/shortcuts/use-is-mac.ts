import { isMacPlatform } from './shortcut-table';

/** Whether shortcuts are written the macOS way (⌘ instead of Ctrl). */
export function useIsMac(): boolean {
  return isMacPlatform(navigator.userAgent);
}
