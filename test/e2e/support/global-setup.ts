import { chooseDriver } from './driver';

export default function globalSetup(): void {
  const driver = chooseDriver();
  console.log(`\nEnd-to-end driver: ${driver.name} (${driver.reason})\n`);
}
