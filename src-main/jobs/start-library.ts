import type { IntegrityReport } from '../library/integrity';
import type { Library } from '../library/library';
import { resumeInterrupted, type RecoveryReport, type ResumeOptions } from './recover-interrupted';

export interface StartupReport {
  recovery: RecoveryReport;
  integrity: IntegrityReport;
}

/**
 * What the app runs once at start: tidy, resume the downloads of generations a stopped process left (expired
 * links marked lost), then the fast integrity check, whose count of lost downloads includes those just marked.
 */
export async function startLibrary(library: Library, options: ResumeOptions): Promise<StartupReport> {
  const recovery = await resumeInterrupted(library, options);
  const integrity = await library.check(false);
  integrity.lostDownloads += recovery.lost;
  return { recovery, integrity };
}
