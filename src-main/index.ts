import { app, protocol } from 'electron';
import { bootstrap, focusMainWindow } from './bootstrap';
import { developmentOverrides } from './settings/development-overrides';
import { registerPrivilegedSchemes } from './shell/protocols';

/**
 * Lifecycle only; everything else is built in bootstrap.ts. Development and test runs can move the user-data
 * folder before anything reads it; a packaged build never does.
 */
const userDataOverride = developmentOverrides(app.isPackaged, process.env).userDataDir;
if (userDataOverride) app.setPath('userData', userDataOverride);

registerPrivilegedSchemes(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(bootstrap)
    .catch((error: unknown) => {
      console.error('Seedream Studio could not start:', error);
      app.exit(1);
    });
}
