// Routes IPC requests to handlers: validates each payload against the contract's schema, runs
// the handler, and turns every outcome into a Result so errors cross as data with a code.
// Transport-agnostic: the Electron wiring and the browser preview both dispatch through it.

import { REQUEST_NAMES, requestChannels } from '../../../shared/ipc-contract';
import type { RequestName, ResponseValue, ValidatedPayload } from '../../../shared/ipc-contract';
import { AppError } from '../../../shared/errors';
import type { Result } from '../../../shared/errors';

export type Handlers = {
  [K in RequestName]: (payload: ValidatedPayload<K>) => Promise<ResponseValue<K>>;
};

export interface IpcRouter {
  /** Every request channel name the router answers. */
  readonly channels: readonly string[];
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

export interface RouterLogger {
  error(message: string, detail?: Record<string, unknown>): void;
}

const byChannel = new Map<string, RequestName>(
  REQUEST_NAMES.map((name) => [requestChannels[name].channel, name]),
);

export function createIpcRouter(handlers: Handlers, logger?: RouterLogger): IpcRouter {
  return {
    channels: [...byChannel.keys()],
    async dispatch(channel, payload) {
      const name = byChannel.get(channel);
      if (name === undefined) {
        return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `Unknown channel.` } };
      }
      const parsed = requestChannels[name].request.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        return {
          ok: false,
          error: {
            code: 'INVALID_PAYLOAD',
            message: `Invalid request for ${channel}${where}: ${issue?.message ?? 'rejected'}`,
          },
        };
      }
      try {
        const handler = handlers[name] as (p: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        // Unknown errors may carry anything; only a generic message crosses to the renderer.
        logger?.error('IPC handler failed', {
          channel,
          error: error instanceof Error ? error.name : typeof error,
        });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong inside the app.' },
        };
      }
    },
  };
}
