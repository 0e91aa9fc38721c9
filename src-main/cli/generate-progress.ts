import type { JobSnapshot } from '../jobs/generation-jobs';
import type { Library } from '../library/library';
import type { CliIo } from './cli-io';

/**
 * Tells standard error how a job goes: each phase once, each retry with its wait, and each image as it is
 * saved (with its file) or fails (with the reason).
 */
export function progressReporter(io: CliIo, library: Library) {
  let phase = '';
  const announced = new Set<number>();
  return (snapshot: JobSnapshot) => {
    if (snapshot.retry && phase !== `retry-${snapshot.retry.attempt}`) {
      phase = `retry-${snapshot.retry.attempt}`;
      io.stderr(
        `${snapshot.retry.reason.message} Retrying in ${Math.ceil(snapshot.retry.delayMs / 1000)} s.\n`,
      );
    } else if (snapshot.phase !== phase && !snapshot.retry) {
      phase = snapshot.phase;
      const lines: Partial<Record<JobSnapshot['phase'], string>> = {
        sending: 'Sending the request…',
        generating: 'Generating (this takes from about 25 seconds to a few minutes)…',
        downloading: 'Saving the images…',
      };
      const line = lines[snapshot.phase];
      if (line) io.stderr(`${line}\n`);
    }
    for (const slot of snapshot.slots) {
      if (announced.has(slot.index) || (slot.state !== 'saved' && slot.state !== 'failed')) continue;
      announced.add(slot.index);
      io.stderr(
        slot.image
          ? `Image ${slot.index + 1} saved: ${library.filePath(slot.image)}\n`
          : `Image ${slot.index + 1} failed: ${slot.error?.message ?? 'unknown reason'}\n`,
      );
    }
  };
}
