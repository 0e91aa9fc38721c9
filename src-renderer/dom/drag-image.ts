/**
 * Images dragged out of the app go as an OS drag of their files, which main starts (Electron's drag recipe: the
 * HTML5 drag is cancelled in `dragstart` and `webContents.startDrag` takes over). Dropped back inside the app,
 * that drag carries only files, so drop targets ask the store whether a drag of the app's own images is under
 * way (`inAppDrag`) before treating files as new ones from elsewhere.
 */

/** Whether files are being dragged (from the OS, or the app's own images on their way out). */
export function carriesFiles(dataTransfer: DataTransfer): boolean {
  return Array.from(dataTransfer.types).includes('Files');
}
