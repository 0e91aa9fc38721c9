import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { Presenter } from '../app/presenter';
import { requestFromSentParams } from '../generation/remix';
import type { HandlersOf } from '../ipc/dispatch';
import type { GenerationJobs } from '../jobs/generation-jobs';
import type { Library } from '../library/library';
import { notFound } from './not-found';

/** Starting, cancelling and listing generation jobs, and remixing a recorded generation. */
export function generationHandlers({
  jobs,
  library,
  present,
}: {
  jobs: GenerationJobs;
  library: Pick<Library, 'details'>;
  present: Presenter;
}): HandlersOf<'generation'> {
  return {
    'generation:start': async ({ request, referenceIds }) =>
      present.snapshot(await jobs.start(request, referenceIds)),
    'generation:cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
    'generation:jobs': () => jobs.list().map(present.snapshot),
    'generation:remix': ({ generationId }) => {
      const generation = library.details.generation(generationId);
      if (!generation) throw notFound('This generation');
      const request = requestFromSentParams(generation.params);
      if (!request) {
        throw new AppFailure(
          appError(
            'not-found',
            'The settings of this generation were not recorded, so it cannot be remixed.',
          ),
        );
      }
      return { request, references: library.details.references(generationId).map(present.image) };
    },
  };
}
