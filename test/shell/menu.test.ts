import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDesktopTranslator } from '../../src-main/i18n/desktop-i18n';
import { createMenuTemplate } from '../../src-main/shell/menu';

function helpItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const help = template.find((item) => item.role === 'help');
  return Array.isArray(help?.submenu) ? help.submenu : [];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has Help > Open Logs Folder and Copy Diagnostics, wired to their actions', () => {
    const actions = { openLogsFolder: vi.fn(), copyDiagnostics: vi.fn() };
    const items = helpItems(
      createMenuTemplate(
        'linux',
        'Seedream Studio',
        createDesktopTranslator(() => 'en'),
        actions,
      ),
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
});
