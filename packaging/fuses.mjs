// The Electron fuses of the packaged app, per platform, from packaging/fuses.json. The packaging
// step passes fusesFor(platform) to @electron/fuses' flipFuses() for the app's Electron binary.

import { readFileSync } from 'node:fs';

export const FUSES = JSON.parse(readFileSync(new URL('./fuses.json', import.meta.url), 'utf8'));

/** The fuse settings for one platform ('darwin', 'win32', 'linux'), keyed by FuseV1Options name. */
export function fusesFor(platform) {
  const integrity = FUSES.asarIntegrity.platforms.includes(platform)
    ? FUSES.asarIntegrity.fuses
    : {};
  return { ...FUSES.always, ...integrity };
}
