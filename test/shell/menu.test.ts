import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDesktopTranslator } from '../../src-main/i18n/desktop-i18n';
import { createMenuTemplate, type HelpActions } from '../../src-main/shell/menu';

const english = createDesktopTranslator(() => 'en');
const noHelp: HelpActions = { openLogsFolder: vi.fn(), copyDiagnostics: vi.fn() };

function helpItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const help = template.find((item) => item.role === 'help');
  return Array.isArray(help?.submenu) ? help.submenu : [];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

/** Every role in the template, submenus and Electron's own role menus included as their role name. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('has Help > Open Logs Folder and Copy Diagnostics, wired to their actions', () => {
    const actions = { openLogsFolder: vi.fn(), copyDiagnostics: vi.fn() };
    const items = helpItems(
      createMenuTemplate('linux', 'Seedream Studio', english, actions, { packaged: true }),
    );
    expect(items.map((item) => item.label)).toEqual(['Open Logs Folder', 'Copy Diagnostics']);
    click(items[0]);
    click(items[1]);
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(actions.copyDiagnostics).toHaveBeenCalledOnce();
  });

  it('offers a manual update check only when a release feed is set, in the chosen language', () => {
    const checkForUpdates = vi.fn();
    const template = createMenuTemplate(
      'darwin',
      'Seedream Studio',
      createDesktopTranslator(() => 'zh-CN'),
      {
        openLogsFolder: vi.fn(),
        copyDiagnostics: vi.fn(),
        checkForUpdates,
      },
      { packaged: true },
    );
    expect(template.find((item) => item.role === 'help')?.label).toBe('帮助');
    const items = helpItems(template);
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      '打开日志文件夹',
      '复制诊断信息',
      'separator',
      '检查更新…',
    ]);
    click(items[3]);
    expect(checkForUpdates).toHaveBeenCalledOnce();
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'has no DevTools, reload or their shortcuts in a packaged build (%s)',
    (platform) => {
      const packaged = roles(
        createMenuTemplate(platform, 'Seedream Studio', english, noHelp, { packaged: true }),
      );
      expect(packaged).not.toContain('viewMenu');
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      expect(packaged).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'togglefullscreen', 'help']));
    },
  );

  it('keeps the standard View menu, DevTools included, while developing', () => {
    expect(
      roles(createMenuTemplate('linux', 'Seedream Studio', english, noHelp, { packaged: false })),
    ).toContain('viewMenu');
  });
});
