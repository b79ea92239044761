// Builds the ICE client behind each library source. The demo source reads the built-in server;
// the account source signs with the stored AccessKey; the anonymous source calls the configured
// region unsigned, as the official SDK does for the public list calls.

import { AppError } from '../../../shared/errors';
import type { LibrarySource, LibrarySourceKind } from '../../../shared/domain';
import type { AccountService } from '../account/account-service';
import type { SettingsStore } from '../settings/settings-store';
import { createIceClient } from '../ice/ice-client';
import { resolveEndpoint } from '../ice/endpoint';
import { clientConfig } from '../account/account-form';
import type { ActiveLibrary } from './library-service';

/** What the demo source needs of the built-in demo library's server. */
export interface DemoLibraryServer {
  /** e.g. http://127.0.0.1:54321 */
  readonly url: string;
  close(): Promise<void>;
}

export interface LibrarySourcesOptions {
  /** The demo server, possibly still generating its media. */
  demoServer: Promise<DemoLibraryServer>;
  account: AccountService;
  settings: SettingsStore;
}

export class LibrarySources {
  constructor(private readonly options: LibrarySourcesOptions) {}

  async demo(): Promise<ActiveLibrary> {
    let server: DemoLibraryServer;
    try {
      server = await this.options.demoServer;
    } catch (error) {
      const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
      throw new AppError(
        full ? 'DISK_FULL' : 'INTERNAL',
        full
          ? 'The demo library could not be prepared: the disk is full.'
          : 'The demo library could not start.',
        { cause: error },
      );
    }
    const url = new URL(server.url);
    const api = createIceClient({
      endpoint: { scheme: 'http', host: url.hostname, port: Number(url.port) },
    });
    return { source: { kind: 'demo', endpoint: url.host }, api };
  }

  async open(kind: LibrarySourceKind): Promise<ActiveLibrary> {
    if (kind === 'demo') return this.demo();
    const anonymous = clientConfig(this.options.settings.current(), undefined);
    const source: LibrarySource = { kind, endpoint: resolveEndpoint(anonymous.endpoint).host };
    if (kind === 'account') {
      const account = await this.options.account.createConfiguredClient();
      if (account === null) {
        throw new AppError(
          'AUTH_REQUIRED',
          'Add an AccessKey in Settings to browse with your account.',
        );
      }
      return { source, api: account.api, accessKeyId: account.accessKeyId };
    }
    return { source, api: createIceClient(anonymous) };
  }
}
