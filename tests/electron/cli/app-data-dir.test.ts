// The CLI must find the desktop app's settings.json where Electron's app.getPath('userData') puts
// it, and use the development build's keychain service, unless told otherwise.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appDataDir,
  appFolderName,
  cliKeychainService,
  electronAppDataDir,
} from '../../../electron/cli/app-data-dir';
import { keychainServiceName } from '../../../electron/services/secrets/secret-store';
import { ROOT } from './run-cli';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  productName?: string;
};

describe('the app data folder as seen from the CLI', () => {
  it("is named after package.json's productName, else its name (as Electron's app.getName())", () => {
    expect(appFolderName()).toBe(pkg.productName ?? pkg.name);
    expect(appFolderName('{"name":"ice-media-library","productName":"ICE Media Library"}')).toBe(
      'ICE Media Library',
    );
    expect(appFolderName('{"name":"ice-media-library"}')).toBe('ice-media-library');
    expect(appFolderName('not json')).toBe('ice-media-library');
  });

  it("lives in the platform's appData folder", () => {
    const home = '/home/ada';
    expect(electronAppDataDir({}, { platform: 'linux', home })).toBe('/home/ada/.config');
    expect(electronAppDataDir({ XDG_CONFIG_HOME: '/xdg' }, { platform: 'linux', home })).toBe(
      '/xdg',
    );
    expect(electronAppDataDir({}, { platform: 'darwin', home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support',
    );
    expect(
      electronAppDataDir(
        { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        { platform: 'win32', home },
      ),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, { platform: 'linux', home })).toBe(
      join('/xdg', appFolderName()),
    );
  });

  it('can be overridden, as can the keychain service name', () => {
    const env = {
      ICE_MEDIA_LIBRARY_DATA_DIR: '/tmp/somewhere',
      ICE_MEDIA_LIBRARY_KEYCHAIN_SERVICE: 'Test service',
    };
    expect(appDataDir(env, { platform: 'linux', home: '/home/ada' })).toBe('/tmp/somewhere');
    expect(cliKeychainService(env)).toBe('Test service');
    // Run from a checkout, the CLI shares the development build's entry (main-services.ts).
    expect(cliKeychainService({})).toBe(keychainServiceName(false));
  });
});
