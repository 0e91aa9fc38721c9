import type { MenuItemConstructorOptions } from 'electron';

/**
 * Standard roles make copy, paste, undo and window commands work everywhere; on macOS, without an Edit menu,
 * Cmd+C and Cmd+V do nothing in text fields.
 */
export function createMenuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
