import { AppFailure, appError } from '../../src-preload/contract/errors';
import { defaultGatewayUrl, gatewayOrigin } from '../../src-preload/contract/gateway';
import { createKeyService } from '../keychain/key-service';
import type { HttpClient } from '../network/http-client';
import { readSettingsFile } from '../settings/settings-store';
import { settingsFile } from './app-dirs';
import type { CliIo } from './cli-io';
import type { Gateway } from './generate-options';

/** The gateway and its key for a command that sends requests; a missing key says where one can come from. */
export async function connectionFor(io: CliIo, gateway: Gateway, http: HttpClient) {
  const keys = createKeyService({
    http,
    store: io.secretStore,
    baseUrl: () => gateway.baseUrl,
    env: io.env,
    environmentGateway: gateway.named,
    legacyGateway: readSettingsFile(settingsFile(io)).apiBaseUrl,
  });
  try {
    return await keys.connection();
  } catch (error) {
    if (error instanceof AppFailure && error.appError.code === 'key-missing') {
      throw new AppFailure(
        appError(
          'key-missing',
          `No API key for ${gatewayOrigin(gateway.baseUrl) ?? gateway.baseUrl}: set COMETAPI_KEY (it is used for ${defaultGatewayUrl}, or for the gateway --base-url or SEEDREAM_API_BASE_URL names), or save a key for this gateway in the Settings of Seedream Studio (it is kept in the keychain).`,
        ),
      );
    }
    throw error;
  }
}
