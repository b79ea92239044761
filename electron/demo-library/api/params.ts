// Strict readers for RPC query parameters: a value that is present but malformed is an
// InvalidParameter error, never silently replaced by the default.

import { invalidParameter } from './errors';

export type Params = ReadonlyMap<string, string>;

export function intParam(
  params: Params,
  name: string,
  options: { min: number; max: number; fallback: number },
): number {
  const raw = params.get(name);
  if (raw === undefined || raw === '') return options.fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) throw invalidParameter(name, 'must be an integer');
  const value = Number(raw.trim());
  if (value < options.min || value > options.max) {
    throw invalidParameter(name, `must be between ${options.min} and ${options.max}`);
  }
  return value;
}

export function boolParam(params: Params, name: string): boolean {
  const raw = params.get(name);
  if (raw === undefined || raw === '') return false;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidParameter(name, 'must be true or false');
}

export function enumParam<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = params.get(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalidParameter(name, `must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}
