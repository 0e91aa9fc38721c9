import { describe, expect, it } from 'vitest';
import { cliEnvironment, developmentOverrides } from '../../src-main/settings/development-overrides';

const env = {
  SEEDREAM_USER_DATA: '/tmp/elsewhere',
  SEEDREAM_API_BASE_URL: 'http://127.0.0.1:9999',
  SEEDREAM_KEYCHAIN_SERVICE: 'Seedream Studio test',
  SEEDREAM_DEV_SERVER_URL: 'http://localhost:5173/',
  COMETAPI_KEY: 'sk-not-an-override',
};

describe('development overrides', () => {
  it('honours the test and development variables in an unpackaged run', () => {
    expect(developmentOverrides(false, env)).toEqual({
      userDataDir: '/tmp/elsewhere',
      apiBaseUrl: 'http://127.0.0.1:9999',
      keychainService: 'Seedream Studio test',
      devServerUrl: 'http://localhost:5173/',
    });
  });

  it('ignores every one of them in a packaged build', () => {
    expect(developmentOverrides(true, env)).toEqual({});
  });

  it('treats empty values as unset', () => {
    expect(developmentOverrides(false, { SEEDREAM_USER_DATA: '', SEEDREAM_API_BASE_URL: '  ' })).toEqual({});
  });

  it("keeps the installed app's command line on the user's keychain entry, and its documented variables", () => {
    expect(cliEnvironment(false, env)).toEqual(env);
    const packaged = cliEnvironment(true, env);
    expect(packaged).not.toHaveProperty('SEEDREAM_KEYCHAIN_SERVICE');
    expect(packaged).toMatchObject({
      SEEDREAM_API_BASE_URL: 'http://127.0.0.1:9999',
      COMETAPI_KEY: 'sk-not-an-override',
    });
  });
});
