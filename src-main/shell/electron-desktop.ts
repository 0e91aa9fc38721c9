import { BrowserWindow, ClipboardItem, Notification, clipboard, dialog, nativeImage, shell } from 'electron';
import type { DesktopPort } from './desktop-port';

export function createElectronDesktop(getWindow: () => BrowserWindow | null): DesktopPort {
  return {
    revealFile: (path) => {
      shell.showItemInFolder(path);
    },
    copyImage: async (png) => {
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([png], { type: 'image/png' }) })]);
    },
    startDrag: (paths, iconPng) => {
      const icon = nativeImage.createFromBuffer(Buffer.from(iconPng));
      // startDrag returns silently on an empty icon, leaving the user dragging nothing; say why instead.
      if (icon.isEmpty()) throw new Error('The drag icon could not be decoded.');
      const [file] = paths;
      if (file === undefined) throw new Error('Nothing to drag.');
      getWindow()?.webContents.startDrag({ file, files: [...paths], icon });
    },
    chooseFolder: async (title) => {
      const window = getWindow();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    notify: (title, body) => {
      const window = getWindow();
      if (window?.isFocused() || !Notification.isSupported()) return;
      new Notification({ title, body }).show();
    },
    setProgress: (fraction) => {
      getWindow()?.setProgressBar(fraction ?? -1);
    },
  };
}
