import { describe, expect, it } from 'vitest';
import { createIpcRouter } from '../../../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../../../electron/services/ipc/ipc-router';
import {
  REQUEST_CHANNEL_NAMES,
  REQUEST_NAMES,
  requestChannels,
} from '../../../../shared/ipc-contract';
import { AppError } from '../../../../shared/errors';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  const all = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, unexpected]),
  ) as unknown as Handlers;
  return {
    ...all,
    getAppInfo: async () => ({ version: '1.0.0', platform: 'linux', browserPreview: false }),
    getLibrarySource: async () => ({ kind: 'demo', endpoint: '127.0.0.1:9' }),
    ...overrides,
  } as Handlers;
}

describe('createIpcRouter', () => {
  it('answers every request channel of the contract', () => {
    expect([...createIpcRouter(handlers()).channels].sort()).toEqual(
      [...REQUEST_CHANNEL_NAMES].sort(),
    );
  });

  it('passes a valid payload to its handler and wraps the value', async () => {
    const seen: unknown[] = [];
    const router = createIpcRouter(
      handlers({
        listMedia: async (query) => {
          seen.push(query);
          return {
            items: [],
            totalCount: 0,
            nextToken: null,
            pageNo: 1,
            pageSize: 20,
            requestId: 'r',
          };
        },
      }),
    );
    const payload = {
      businessType: 'sticker',
      mediaTagId: 'sticker-cute',
      pageNo: 1,
      pageSize: 20,
    };
    const result = await router.dispatch(requestChannels.listMedia.channel, payload);
    expect(result).toMatchObject({ ok: true, value: { totalCount: 0 } });
    expect(seen).toEqual([payload]);
  });

  it.each([
    ['an unknown business type', { businessType: 'video', pageNo: 1, pageSize: 20 }],
    ['a page size above the API maximum', { businessType: 'bgm', pageNo: 1, pageSize: 101 }],
    ['an extra field', { businessType: 'bgm', pageNo: 1, pageSize: 20, evil: true }],
    ['a non-object', 'bgm'],
    ['nothing', undefined],
  ])('rejects %s as INVALID_PAYLOAD without calling the handler', async (_label, payload) => {
    let called = false;
    const router = createIpcRouter(
      handlers({
        listMedia: async () => {
          called = true;
          throw new Error('must not run');
        },
      }),
    );
    const result = await router.dispatch(requestChannels.listMedia.channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(called).toBe(false);
  });

  it('rejects an unknown channel', async () => {
    const result = await createIpcRouter(handlers()).dispatch('fs:read-file', {
      path: '/etc/passwd',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('returns an AppError as data with its code and request id', async () => {
    const router = createIpcRouter(
      handlers({
        getMedia: async () => {
          throw new AppError('THROTTLED', 'Too many requests', {
            requestId: 'REQ-1',
            retryAfterSeconds: 3,
          });
        },
      }),
    );
    const result = await router.dispatch(requestChannels.getMedia.channel, { mediaId: 'm1' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'THROTTLED',
        message: 'Too many requests',
        requestId: 'REQ-1',
        retryAfterSeconds: 3,
      },
    });
  });

  it('hides the message of an unexpected error, which may carry anything', async () => {
    const logged: unknown[] = [];
    const router = createIpcRouter(
      handlers({
        getMedia: async () => {
          throw new Error('secret=abc123 leaked in a stack');
        },
      }),
      { error: (message, detail) => logged.push({ message, detail }) },
    );
    const result = await router.dispatch(requestChannels.getMedia.channel, { mediaId: 'm1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('abc123');
    expect(JSON.stringify(logged)).not.toContain('abc123');
  });
});
