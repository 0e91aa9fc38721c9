import type { Session } from 'electron';
import { parsePacResult, type ProxyResolver } from '../network/proxy-choice';

/**
 * The system's proxy for each address, as Chromium resolves it (the OS settings, a PAC script, the
 * environment on Linux): the same decision the window's own requests get. The core turns it into undici
 * dispatchers (network/http-client.ts).
 */
export function electronSystemProxy(session: Pick<Session, 'resolveProxy'>): ProxyResolver {
  return async (url) => parsePacResult(await session.resolveProxy(url));
}
