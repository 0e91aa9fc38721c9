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
 * Electron's `viewMenu` role brings Reload and Toggle Developer Tools (Ctrl+Shift+I, Cmd+Alt+I): fine while
 * developing, but in an installed app DevTools is a console on the page that holds the IPC bridge, and a
 * "paste this in the console" trick is all an attacker would need. Packaged builds get zoom and full screen only.
 */
function viewMenu(packaged: boolean): MenuItemConstructorOptions {
  if (!packaged) return { role: 'viewMenu' };
  return {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
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
  { packaged }: { packaged: boolean },
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
    viewMenu(packaged),
    { role: 'windowMenu' },
    helpMenu(translate, help),
  ];
}
