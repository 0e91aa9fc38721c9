/**
 * What tests and `npm run dev` may change through the environment. A packaged build ignores all of it: an
 * installed app must not be redirected to another user-data folder, gateway, keychain entry or page by whoever
 * can set its environment (a launcher, a shortcut, a shell profile).
 */
export interface DevelopmentOverrides {
  /** SEEDREAM_USER_DATA: the user-data folder (a test's temporary folder). */
  userDataDir?: string;
  /** SEEDREAM_API_BASE_URL: the gateway in use until the user changes it (the fake CometAPI). */
  apiBaseUrl?: string;
  /** SEEDREAM_QUOTA_URL: the balance service (the fake's quota host) instead of the profile's. */
  quotaUrl?: string;
  /** SEEDREAM_KEYCHAIN_SERVICE: the keychain service name, so test runs never touch the user's key. */
  keychainService?: string;
  /** SEEDREAM_DEV_SERVER_URL: Vite's dev server instead of the bundled renderer. */
  devServerUrl?: string;
}

const variables = {
  userDataDir: 'SEEDREAM_USER_DATA',
  apiBaseUrl: 'SEEDREAM_API_BASE_URL',
  quotaUrl: 'SEEDREAM_QUOTA_URL',
  keychainService: 'SEEDREAM_KEYCHAIN_SERVICE',
  devServerUrl: 'SEEDREAM_DEV_SERVER_URL',
} as const satisfies Record<keyof DevelopmentOverrides, string>;

export function developmentOverrides(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): DevelopmentOverrides {
  if (isPackaged) return {};
  const overrides: DevelopmentOverrides = {};
  for (const [name, variable] of Object.entries(variables) as [keyof DevelopmentOverrides, string][]) {
    const value = env[variable]?.trim();
    if (value !== undefined && value !== '') overrides[name] = value;
  }
  return overrides;
}

/**
 * The environment the command line reads. In the installed app's `cli` mode the test-only keychain switch is
 * dropped like every other override; SEEDREAM_API_BASE_URL stays, as the documented default of `--base-url`
 * (a key only ever goes to the gateway it was saved for, or COMETAPI_KEY to the one named beside it).
 */
export function cliEnvironment(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<Record<string, string | undefined>> {
  if (!isPackaged) return env;
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== variables.keychainService));
}
