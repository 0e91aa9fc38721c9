import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
}
type PermissionHandler = (
  contents: unknown,
  permission: string,
  grant: (allowed: boolean) => void,
  details: PermissionDetails,
) => void;
type PermissionCheck = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: PermissionDetails,
) => boolean;

const created: FakeWindow[] = [];

class FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  loaded: string[] = [];
  permissionHandler: PermissionHandler | null = null;
  permissionCheck: PermissionCheck | null = null;
  openHandler: unknown = null;
  webContents: EventEmitter & Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const contents = new EventEmitter() as EventEmitter & Record<string, unknown>;
    contents.setWindowOpenHandler = (handler: unknown) => (this.openHandler = handler);
    contents.session = {
      setPermissionRequestHandler: (handler: PermissionHandler) => (this.permissionHandler = handler),
      setPermissionCheckHandler: (handler: PermissionCheck) => (this.permissionCheck = handler),
    };
    this.webContents = contents;
    created.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  isMaximized() {
    return false;
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  nativeTheme: { shouldUseDarkColors: true },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: vi.fn() },
}));

const { createMainWindow } = await import('../../src-main/shell/main-window');

function open() {
  const windowStateFile = join(mkdtempSync(join(tmpdir(), 'window-')), 'window.json');
  createMainWindow({
    preloadPath: '/app/preload.cjs',
    windowStateFile,
    startUrl: 'app://studio/index.html',
    devTools: false,
  });
  const window = created.at(-1);
  if (!window) throw new Error('no window created');
  return { window, windowStateFile };
}

describe('createMainWindow', () => {
  it('creates the window with the sandboxed, isolated settings', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/preload.cjs',
    });
  });

  it('loads the app from its own scheme and guards window.open and navigation', () => {
    const { window } = open();
    expect(window.loaded).toEqual(['app://studio/index.html']);
    expect(typeof window.openHandler).toBe('function');
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('denies web permissions such as camera, microphone and geolocation, when asked and when checked', () => {
    const { window } = open();
    const app = { requestingUrl: 'app://studio/index.html', isMainFrame: true };
    const request = (permission: string, details: PermissionDetails = app) => {
      let allowed: boolean | null = null;
      window.permissionHandler?.(window.webContents, permission, (value) => (allowed = value), details);
      return allowed;
    };
    const check = (permission: string, origin = 'app://studio', details: PermissionDetails = app) =>
      window.permissionCheck?.(window.webContents, permission, origin, details) ?? null;
    for (const decide of [request, check]) {
      expect(decide('media')).toBe(false);
      expect(decide('geolocation')).toBe(false);
      expect(decide('notifications')).toBe(false);
      expect(decide('hid')).toBe(false);
      expect(decide('clipboard-read')).toBe(false);
      expect(decide('clipboard-sanitized-write')).toBe(true);
    }
    const elsewhere = { requestingUrl: 'https://evil.example/', isMainFrame: true };
    const frame = { requestingUrl: 'app://studio/index.html', isMainFrame: false };
    expect(request('clipboard-sanitized-write', elsewhere)).toBe(false);
    expect(request('clipboard-sanitized-write', frame)).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://evil.example', elsewhere)).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://studio', { isMainFrame: true })).toBe(true);
  });

  it('gives a packaged window no DevTools', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('remembers size and position when closed', () => {
    const { window, windowStateFile } = open();
    window.emit('close');
    expect(JSON.parse(readFileSync(windowStateFile, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });
});
