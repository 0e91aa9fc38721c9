import { gatewayProfile } from '../../src-preload/contract/gateway-profiles';
import type { Settings } from '../../src-preload/contract/ipc';
import { createGenerationJobs, type GenerationJobs, type JobConnection } from '../jobs/generation-jobs';
import type { Library } from '../library/library';
import { createModelListService } from '../models/model-list';
import type { HttpClient } from '../network/http-client';
import { modelListFile } from './app-dirs';
import type { CliIo } from './cli-io';
import type { Gateway } from './generate-options';

/**
 * The generation jobs a command sends through: the app's budgets and its last model list apply here too (the
 * same caps, the same offer), so `generate`, `edit` and `batch` refuse what the app would refuse.
 */
export async function cliJobs(
  library: Library,
  {
    io,
    gateway,
    http,
    connection,
    settings,
  }: {
    io: CliIo;
    gateway: Gateway;
    http: HttpClient;
    connection: Omit<JobConnection, 'gateway'>;
    settings: Settings;
  },
): Promise<GenerationJobs> {
  const models = createModelListService({
    http,
    gateway: () => ({ baseUrl: gateway.baseUrl, kind: gateway.kind }),
    cacheFile: modelListFile(io),
    log: io.log,
  });
  // With no list from this gateway yet (the app never ran against it), ask it once, as the app does at start:
  // otherwise a model whose id there is undocumented would be refused without asking.
  if (models.offer().source === 'built-in') await models.refresh();
  return createGenerationJobs(library, {
    http,
    connection: () => Promise.resolve({ ...connection, gateway: gatewayProfile(gateway.kind) }),
    offer: () => models.offer(),
    budgets: () => settings,
    log: io.log,
  });
}
