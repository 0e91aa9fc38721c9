/**
 * Names the OS knows the app by. They must match what electron-builder writes into the installers
 * (`electron-builder.yml` appId, `package.json` desktopName); a test keeps them in step.
 *
 * Windows shows notifications only for an AppUserModelID that a Start-menu shortcut carries, and the NSIS
 * installer gives the shortcut the appId. Linux desktops link windows, taskbar progress and notifications to
 * the `.desktop` entry through Electron's app_id, which Electron takes from `desktopName`.
 */
export const appUserModelId = 'com.seedreamstudio.app';
export const desktopEntryName = 'seedream-studio.desktop';
