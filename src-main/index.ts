import { app, protocol } from 'electron';
import { bootstrap, focusMainWindow } from './bootstrap';
import { registerPrivilegedSchemes } from './shell/protocols';

/**
 * Lifecycle only; everything else is built in bootstrap.ts. The user-data folder can be moved for tests and
 * portable setups before anything reads it.
 */
const userDataOverride = process.env.SEEDREAM_USER_DATA;
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
