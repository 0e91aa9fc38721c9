import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../i18n/desktop-i18n';

/** What the Help menu does; the bootstrap wires each to the logger, the clipboard and the updater. */
export interface HelpActions {
  openLogsFolder(): void;
  copyDiagnostics(): void;
  /** Absent when no release feed is set: the item is not shown. */
  checkForUpdates?: () => void;
}

function helpMenu(translate: Translate, help: HelpActions): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = [
    {
      label: translate('menu.openLogs'),
      click: () => {
        help.openLogsFolder();
      },
    },
    {
      label: translate('menu.copyDiagnostics'),
      click: () => {
        help.copyDiagnostics();
      },
    },
  ];
  const { checkForUpdates } = help;
  if (checkForUpdates) {
    items.push(
      { type: 'separator' },
      {
        label: translate('menu.checkForUpdates'),
        click: () => {
          checkForUpdates();
        },
      },
    );
  }
  return { label: translate('menu.help'), role: 'help', submenu: items };
}

/**
 * Standard roles make copy, paste, undo and window commands work everywhere; on macOS, without an Edit menu,
 * Cmd+C and Cmd+V do nothing in text fields. Help carries the logs and diagnostics a bug report needs.
 */
export function createMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  translate: Translate,
  help: HelpActions,
): MenuItemConstructorOptions[] {
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
    helpMenu(translate, help),
  ];
}
