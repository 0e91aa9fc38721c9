import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMenuTemplate } from '../../src-main/shell/menu';

/** Every role in the template, submenus and Electron's own role menus included as their role name. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'has no DevTools, reload or their shortcuts in a packaged build (%s)',
    (platform) => {
      const packaged = roles(createMenuTemplate(platform, 'Seedream Studio', { packaged: true }));
      expect(packaged).not.toContain('viewMenu');
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      expect(packaged).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'togglefullscreen']));
    },
  );

  it('keeps the standard View menu, DevTools included, while developing', () => {
    expect(roles(createMenuTemplate('linux', 'Seedream Studio', { packaged: false }))).toContain('viewMenu');
  });
});
