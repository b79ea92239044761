// Where the client sends its calls: an explicit scheme/host/port, or a documented region id.

import { isIP } from 'node:net';
import { REGIONS } from '../../../shared/account';
import type { RegionId } from '../../../shared/account';
import { AppError } from '../../../shared/errors';
import { isInternalHost, isLoopbackHost } from './url-safety';

/** The six documented regions of the ICE service. */
export const ICE_REGIONS = REGIONS;
export type IceRegion = RegionId;

export interface EndpointAddress {
  scheme: 'http' | 'https';
  host: string;
  port?: number;
}

/** An explicit address, or a region id that maps to https://ice.<region>.aliyuncs.com. */
export type EndpointConfig = EndpointAddress | IceRegion;

export interface ResolvedEndpoint {
  /** e.g. "https://ice.cn-shanghai.aliyuncs.com" or "http://127.0.0.1:5000", no trailing slash. */
  origin: string;
  /** The Host header value (with the port when it is not the scheme's default). */
  host: string;
  /** True for loopback/private/link-local hosts: media URLs there are then acceptable too. */
  internal: boolean;
}

export function isIceRegion(value: string): value is IceRegion {
  return (ICE_REGIONS as readonly string[]).includes(value);
}

export function resolveEndpoint(config: EndpointConfig): ResolvedEndpoint {
  const address: EndpointAddress = typeof config === 'string' ? regionAddress(config) : config;
  if (address.scheme !== 'http' && address.scheme !== 'https') {
    throw new AppError('UNSAFE_URL', 'The service address must use http or https.');
  }
  const bare = address.host.replace(/^\[|\]$/g, '');
  if (!/^[A-Za-z0-9.-]+$/.test(bare) && isIP(bare) !== 6) {
    throw new AppError('INVALID_INPUT', `"${address.host}" is not a valid host name.`);
  }
  if (
    address.port !== undefined &&
    (!Number.isInteger(address.port) || address.port < 1 || address.port > 65535)
  ) {
    throw new AppError('INVALID_INPUT', `Port ${address.port} is not valid.`);
  }
  // Over plain http the signature (V1: replayable), the AccessKey id and the STS token would
  // cross the network in clear: only this machine's own servers (the demo library) may use it.
  if (address.scheme === 'http' && !isLoopbackHost(bare)) {
    throw new AppError(
      'UNSAFE_URL',
      `The service address must use https (plain http is allowed only for this computer): http://${address.host}`,
    );
  }
  const hostPart = isIP(bare) === 6 ? `[${bare}]` : bare;
  const url = new URL(`${address.scheme}://${hostPart}`);
  if (address.port !== undefined) url.port = String(address.port);
  return { origin: url.origin, host: url.host, internal: isInternalHost(url.hostname) };
}

/** Parses "https://host[:port]" as typed on a command line or in settings. */
export function parseEndpointUrl(raw: string): EndpointAddress {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('INVALID_INPUT', `"${raw}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('UNSAFE_URL', 'The service address must use http or https.');
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new AppError('INVALID_INPUT', 'The service address must be just scheme, host and port.');
  }
  return {
    scheme: url.protocol === 'http:' ? 'http' : 'https',
    host: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
  };
}

function regionAddress(region: string): EndpointAddress {
  if (!isIceRegion(region)) {
    throw new AppError(
      'INVALID_INPUT',
      `Unknown region "${region}". Known regions: ${ICE_REGIONS.join(', ')}.`,
    );
  }
  return { scheme: 'https', host: `ice.${region}.aliyuncs.com` };
}
