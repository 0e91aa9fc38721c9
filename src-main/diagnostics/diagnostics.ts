import type { LibraryStats } from '../../src-preload/contract/library-types';

export interface DiagnosticsFacts {
  appVersion: string;
  /** `process.versions`: electron, chrome, node, v8... */
  versions: Readonly<Record<string, string | undefined>>;
  os: { platform: string; release: string; arch: string; locale: string };
  codecBuild: string;
  packaged: boolean;
  logsDir: string;
  /** The gateway address is shown only as its host: a self-hosted gateway's path may carry a token. */
  apiBaseUrl: string;
  keyStatus: string;
  library: LibraryStats | { error: string };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a valid address)';
  }
}

/**
 * What "Copy diagnostics" puts on the clipboard for a bug report: versions, OS, library counts, where the logs
 * are. Built from named facts only (never the environment, never settings wholesale), so the API key cannot
 * be in it: at most whether one is saved.
 */
export function formatDiagnostics(facts: DiagnosticsFacts): string {
  const { versions, os, library } = facts;
  const lines = [
    `Seedream Studio ${facts.appVersion}${facts.packaged ? '' : ' (development)'}`,
    `Electron ${versions.electron ?? '-'}, Chromium ${versions.chrome ?? '-'}, Node ${versions.node ?? '-'}`,
    `OS: ${os.platform} ${os.release} (${os.arch}), locale ${os.locale}`,
    `Image codec: ${facts.codecBuild}`,
    `Gateway host: ${hostOf(facts.apiBaseUrl)}; API key: ${facts.keyStatus}`,
  ];
  if ('error' in library) {
    lines.push(`Library: could not be read (${library.error})`);
  } else {
    lines.push(
      `Library: ${library.images} images (${library.bytes} bytes), ${library.trashedImages} in the trash, ` +
        `${library.generations} generations (${library.failedGenerations} failed), ` +
        `${library.damagedImages} damaged, ${library.pendingDownloads} downloads pending`,
    );
  }
  lines.push(`Logs: ${facts.logsDir}`);
  return `${lines.join('\n')}\n`;
}
