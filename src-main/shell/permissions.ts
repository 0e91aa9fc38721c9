import type { Session } from 'electron';
import { originOf } from './app-origin';

/**
 * The one web permission the renderer uses: writing to the clipboard (copying a prompt). Camera, microphone,
 * location, notifications, HID, serial and the rest are refused, and so is everything asked by any page other
 * than the app's own top frame.
 */
const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requester: { url: string | undefined; isMainFrame: boolean },
  appOrigin: string,
): boolean {
  return (
    grantedPermissions.has(permission) &&
    requester.isMainFrame &&
    requester.url !== undefined &&
    originOf(requester.url) === appOrigin
  );
}

/**
 * Chromium asks twice: a synchronous check (`navigator.permissions.query`, and before many APIs even try) and
 * an asynchronous request. Without a check handler every check answers "granted", so both are set, from the
 * same rule.
 */
export function attachPermissionHandlers(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, grant, details) => {
    grant(
      isPermissionGranted(
        permission,
        { url: details.requestingUrl, isMainFrame: details.isMainFrame },
        appOrigin,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(
      permission,
      { url: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame },
      appOrigin,
    ),
  );
}
