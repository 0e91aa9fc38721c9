import { aboutFile, AppFailure, appError } from '../../src-preload/contract/errors';
import { prepareReference } from '../generation/references';
import type { Library } from '../library/library';
import type { ImageRecord } from '../library/records';
import type { ImageCodec } from '../media/image-codec';

export interface StoredReference {
  image: ImageRecord;
  /** Set when the file had to be converted or downsized for the API, saying what and why. */
  notice: string | null;
}

/**
 * An image that will be sent as a reference, made sendable (converted or downsized) and kept in the library
 * exactly as it will be sent, so lineage shows it as the model saw it. Failures name the file.
 */
export async function storeReference(
  { codec, library }: { codec: ImageCodec; library: Pick<Library, 'importFiles'> },
  name: string,
  bytes: Uint8Array,
): Promise<StoredReference> {
  const prepared = await prepareReference(codec, bytes).catch((error: unknown) => {
    throw error instanceof AppFailure ? new AppFailure(aboutFile(name, error.appError)) : error;
  });
  const [outcome] = await library.importFiles([{ name, bytes: prepared.data }]);
  if (!outcome?.image) {
    throw new AppFailure(outcome?.error ?? appError('storage-failed', `${name} could not be stored.`));
  }
  return { image: outcome.image, notice: prepared.notice };
}
