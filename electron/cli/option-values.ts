// Option values shared by several commands, checked into their typed form or a UsageError.

import { ICE_REGIONS, isIceRegion } from '../services/ice/endpoint';
import type { IceRegion } from '../services/ice/endpoint';
import type { SignatureMethod } from '../services/ice/api-transport';
import { UsageError } from './usage-error';

export function parseRegion(value: string): IceRegion {
  if (!isIceRegion(value)) {
    throw new UsageError(`Unknown region "${value}". Known regions: ${ICE_REGIONS.join(', ')}.`);
  }
  return value;
}

/** null when --signature was not given. */
export function parseSignature(value: string | undefined): SignatureMethod | null {
  if (value === undefined) return null;
  if (value === 'v3' || value === 'v1') return value;
  throw new UsageError(`--signature must be v3 or v1, not "${value}".`);
}
