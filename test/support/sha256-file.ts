import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Hashes a file read back from disk, to compare with the hash the code under test recorded. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
