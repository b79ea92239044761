// The one IPC contract. The preload bridge, the main-process router and the renderer's API are
// all typed from these two tables, so a channel missing on one side fails to compile.
// Request payloads carry a zod schema that the main process checks at run time; responses and
// events are typed only (main-process data is trusted by the renderer, not the other way round).

import { z } from 'zod';
import { BUSINESS_TYPES, LIBRARY_SOURCE_KINDS } from './domain';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES } from './account';
import type { LibrarySource, MediaItem, MediaPage, MediaTag } from './domain';
import type {
  AccountFieldErrors,
  AccountSaveResult,
  AccountStatus,
  AppSettings,
  ConnectionTestResult,
  SettingsSnapshot,
} from './account';
import type { Result } from './errors';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from './ipc-channels';
import type { EventName, RequestName } from './ipc-channels';

export {
  BRIDGE_GLOBAL,
  EVENT_NAMES,
  REQUEST_CHANNEL_NAMES,
  REQUEST_NAMES,
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
} from './ipc-channels';
export type { EventName, RequestName } from './ipc-channels';

/** A type-only marker: carries T for inference, nothing at run time. */
export interface Phantom<T> {
  readonly __type?: T;
}
function phantom<T>(): Phantom<T> {
  return {};
}

const businessType = z.enum(BUSINESS_TYPES);
const mediaId = z.string().min(1).max(128);
const tagId = z.string().min(1).max(64);

// The secret and token are bounded here; their content is checked by the account service.
const accountForm = z.strictObject({
  accessKeyId: z.string().max(128),
  accessKeySecret: z.string().max(256),
  securityToken: z.string().max(16_384).nullable().optional(),
  region: z.string().max(32),
  endpoint: z.string().max(2048).nullable().optional(),
  signatureMethod: z.string().max(8),
});

export interface AppInfo {
  version: string;
  platform: string;
  /** True when running in the browser preview (development tool), not Electron. */
  browserPreview: boolean;
}

export const requestChannels = {
  getAppInfo: {
    channel: REQUEST_CHANNELS.getAppInfo,
    request: z.undefined(),
    response: phantom<AppInfo>(),
  },
  getLibrarySource: {
    channel: REQUEST_CHANNELS.getLibrarySource,
    request: z.undefined(),
    response: phantom<LibrarySource>(),
  },
  listTags: {
    channel: REQUEST_CHANNELS.listTags,
    request: z.strictObject({ businessType }),
    response: phantom<MediaTag[]>(),
  },
  listMedia: {
    channel: REQUEST_CHANNELS.listMedia,
    request: z.strictObject({
      businessType,
      mediaTagId: tagId.optional(),
      pageNo: z.number().int().min(1).max(100_000),
      pageSize: z.number().int().min(1).max(100),
    }),
    response: phantom<MediaPage>(),
  },
  getMedia: {
    channel: REQUEST_CHANNELS.getMedia,
    request: z.strictObject({ mediaId }),
    response: phantom<MediaItem>(),
  },
  setLibrarySource: {
    channel: REQUEST_CHANNELS.setLibrarySource,
    request: z.strictObject({ kind: z.enum(LIBRARY_SOURCE_KINDS) }),
    response: phantom<LibrarySource>(),
  },
  getAccountStatus: {
    channel: REQUEST_CHANNELS.getAccountStatus,
    request: z.undefined(),
    response: phantom<AccountStatus>(),
  },
  validateAccount: {
    channel: REQUEST_CHANNELS.validateAccount,
    request: accountForm,
    response: phantom<AccountFieldErrors>(),
  },
  testAccount: {
    channel: REQUEST_CHANNELS.testAccount,
    request: accountForm,
    response: phantom<ConnectionTestResult>(),
  },
  saveAccount: {
    channel: REQUEST_CHANNELS.saveAccount,
    request: z.strictObject({ form: accountForm, sessionOnly: z.boolean().optional() }),
    response: phantom<AccountSaveResult>(),
  },
  clearAccount: {
    channel: REQUEST_CHANNELS.clearAccount,
    request: z.undefined(),
    response: phantom<AccountStatus>(),
  },
  getSettings: {
    channel: REQUEST_CHANNELS.getSettings,
    request: z.undefined(),
    response: phantom<SettingsSnapshot>(),
  },
  updateSettings: {
    channel: REQUEST_CHANNELS.updateSettings,
    request: z.strictObject({
      language: z.enum(LANGUAGE_PREFERENCES).optional(),
      theme: z.enum(THEME_PREFERENCES).optional(),
    }),
    response: phantom<AppSettings>(),
  },
  openExternal: {
    channel: REQUEST_CHANNELS.openExternal,
    request: z.strictObject({ url: z.string().min(1).max(2048) }),
    response: phantom<void>(),
  },
} as const satisfies Record<
  RequestName,
  { channel: string; request: z.ZodType; response: unknown }
>;

export const eventChannels = {
  onLibrarySourceChanged: {
    channel: EVENT_CHANNELS.onLibrarySourceChanged,
    payload: phantom<LibrarySource>(),
  },
  onAccountChanged: {
    channel: EVENT_CHANNELS.onAccountChanged,
    payload: phantom<AccountStatus>(),
  },
} as const satisfies Record<EventName, { channel: string; payload: unknown }>;

type RequestDefs = typeof requestChannels;
type EventDefs = typeof eventChannels;

/** What the renderer passes (schema input). */
export type RequestPayload<K extends RequestName> = z.input<RequestDefs[K]['request']>;
/** What a handler receives after validation (schema output). */
export type ValidatedPayload<K extends RequestName> = z.output<RequestDefs[K]['request']>;
export type ResponseValue<K extends RequestName> =
  RequestDefs[K]['response'] extends Phantom<infer T> ? T : never;
export type EventPayload<E extends EventName> =
  EventDefs[E]['payload'] extends Phantom<infer T> ? T : never;

export type RequestMethod<K extends RequestName> = [RequestPayload<K>] extends [undefined]
  ? () => Promise<Result<ResponseValue<K>>>
  : (payload: RequestPayload<K>) => Promise<Result<ResponseValue<K>>>;

export type EventMethod<E extends EventName> = (
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** The object the preload exposes to the page (window.iceApi). Named methods only. */
export type BridgeApi = { [K in RequestName]: RequestMethod<K> } & {
  [E in EventName]: EventMethod<E>;
};
