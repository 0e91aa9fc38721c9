import { originOf } from '../shell/app-origin';
import type { Sender } from './dispatch';

/** Only the app's own top-level page may call main: not an iframe, not a page that navigated elsewhere. */
export function createSenderCheck(appOrigin: string): (sender: Sender) => boolean {
  return (sender) => {
    return sender.isMainFrame && originOf(sender.url) === appOrigin;
  };
}
