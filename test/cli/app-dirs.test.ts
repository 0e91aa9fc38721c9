import { describe, expect, it } from 'vitest';
import { appUserDataDir, defaultLibraryDir } from '../../src-main/cli/app-dirs';

describe("the app's folders, as Electron names them", () => {
  it('follows each platform', () => {
    expect(appUserDataDir({ platform: 'linux', env: {}, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/Seedream Studio',
    );
    expect(
      appUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/ana' }),
    ).toBe('/cfg/Seedream Studio');
    expect(appUserDataDir({ platform: 'darwin', env: {}, homedir: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Seedream Studio',
    );
    expect(
      appUserDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        homedir: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Seedream Studio');
    expect(appUserDataDir({ platform: 'win32', env: {}, homedir: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Seedream Studio',
    );
  });

  it('keeps the library in a folder of its own', () => {
    expect(defaultLibraryDir({ platform: 'linux', env: {}, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/Seedream Studio/library',
    );
    expect(defaultLibraryDir({ platform: 'win32', env: { APPDATA: 'D:\\roaming' }, homedir: 'D:\\' })).toBe(
      'D:\\roaming\\Seedream Studio\\library',
    );
  });
});
