// The fuse configuration the packaging step applies: what an attacker with the app's binary could
// otherwise switch on (running it as plain Node, NODE_OPTIONS, --inspect) is off everywhere, cookies
// are encrypted, and asar integrity is enforced where the platform supports it.

import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the packaging step, without type declarations
import { fusesFor } from '../../packaging/fuses.mjs';

const platforms = ['darwin', 'win32', 'linux'] as const;

describe('Electron fuses', () => {
  it.each(platforms)(
    'on %s: no Node mode, no NODE_OPTIONS or --inspect, cookies encrypted',
    (p) => {
      expect(fusesFor(p)).toMatchObject({
        RunAsNode: false,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableCookieEncryption: true,
        GrantFileProtocolExtraPrivileges: false,
      });
    },
  );

  it.each(['darwin', 'win32'])('on %s: the app loads only from its validated asar', (p) => {
    expect(fusesFor(p)).toMatchObject({
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('on linux, where Electron cannot validate asar integrity, does not claim to', () => {
    expect(fusesFor('linux')).not.toHaveProperty('EnableEmbeddedAsarIntegrityValidation');
  });

  it('names only fuses that exist in FuseV1Options', () => {
    const known = [
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'LoadBrowserProcessSpecificV8Snapshot',
      'GrantFileProtocolExtraPrivileges',
    ];
    for (const p of platforms) {
      for (const name of Object.keys(fusesFor(p))) expect(known).toContain(name);
    }
  });
});
