import { chooseDriver } from './driver';
import { electronLaunchPlan, startVirtualDisplay } from './electron-launch';

/**
 * Prints the driver, and gives real Electron a display on a headless Linux machine: Xvfb for the whole run,
 * its DISPLAY inherited by the workers Playwright starts after this. Returns the teardown that stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const driver = chooseDriver();
  console.log(`\nEnd-to-end driver: ${driver.name} (${driver.reason})\n`);
  const plan = electronLaunchPlan(
    { platform: process.platform, uid: process.getuid?.(), env: process.env },
    '.',
  );
  if (driver.name !== 'electron' || !plan.needsDisplay) return () => Promise.resolve();
  const display = await startVirtualDisplay();
  process.env.DISPLAY = display.display;
  console.log(`Electron runs headless on Xvfb display ${display.display}\n`);
  return () => display.stop();
}
