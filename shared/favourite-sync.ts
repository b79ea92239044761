// Syncing the local favourites with the account's favourites on the service, as the renderer
// sees it: an option offered only for an Alibaba Cloud account source, off by default.

import type { AppErrorData } from './errors';

export interface FavouriteSyncStatus {
  /** Null when the option is offered; otherwise why not (the demo and public sources have no account). */
  unavailable: 'no-account' | null;
  /** The user's choice for this source. */
  enabled: boolean;
  state: 'off' | 'idle' | 'syncing' | 'error';
  /** ISO time of the last complete exchange with the service, for this source. */
  lastSyncedAt: string | null;
  /** Stars and unstars not yet sent to the service (kept on disk until they are). */
  pendingCount: number;
  /** Favourites the service would not take (its IgnoredList): they stay on this computer only. */
  localOnlyCount: number;
  /** The last failure, kept until a pass succeeds. */
  error: AppErrorData | null;
  /** ISO time of the next automatic retry after a failure that may pass (offline, throttled). */
  nextRetryAt: string | null;
}
