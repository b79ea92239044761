// The demo library has media under every tag, so these tests empty one answer on its way from
// the preview server to the page (the bridge's WebSocket), leaving the rest real. Browsing reads
// the service's pages before the first catalogue sync and the local catalogue after it: both
// answers are emptied.

import { MESSAGES } from '../../renderer/src/i18n';
import { AppPage, expect, screenshot, test } from './fixtures';

test('a tag without media says so', async ({ page, preview }) => {
  await page.routeWebSocket(/\/__preview\/bridge/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as {
        id: number;
        channel: string;
        payload?: {
          mediaTagId?: string;
          pageNo?: number;
          pageSize?: number;
          tagIds?: string[];
        };
      };
      if (
        message.channel === 'catalogue:search' &&
        message.payload?.tagIds?.includes('sticker-daily')
      ) {
        const empty = { ids: [], tookMs: 0, formats: [] };
        socket.send(
          JSON.stringify({ kind: 'reply', id: message.id, result: { ok: true, value: empty } }),
        );
        return;
      }
      if (
        message.channel === 'library:list-media' &&
        message.payload?.mediaTagId === 'sticker-daily'
      ) {
        const empty = {
          items: [],
          totalCount: 0,
          nextToken: null,
          pageNo: 1,
          pageSize: 48,
          requestId: null,
        };
        socket.send(
          JSON.stringify({ kind: 'reply', id: message.id, result: { ok: true, value: empty } }),
        );
        return;
      }
      server.send(raw);
    });
  });
  await page.goto(preview.url);
  const app = new AppPage(page);
  await expect(app.tiles.first()).toBeVisible();
  await app.tag('Daily').click();
  const empty = page.getByTestId('empty-state');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('heading')).toHaveText(MESSAGES.en.library.emptyTitle);
  await expect(page.getByTestId('media-count')).toBeHidden();
  await screenshot(page, '11-empty-tag');

  await app.tag('Cute').click();
  await expect(app.tiles.first()).toBeVisible();
});

test('an empty business type says the type is empty, not the tag', async ({ page, preview }) => {
  await page.routeWebSocket(/\/__preview\/bridge/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as {
        id: number;
        channel: string;
        payload?: { businessType?: string; mediaTagId?: string; tagIds?: string[] };
      };
      const allImages =
        message.payload?.businessType === 'bgi' &&
        message.payload.mediaTagId === undefined &&
        message.payload.tagIds === undefined;
      if (allImages && message.channel === 'catalogue:search') {
        const value = { ids: [], tookMs: 0, formats: [] };
        socket.send(JSON.stringify({ kind: 'reply', id: message.id, result: { ok: true, value } }));
        return;
      }
      if (allImages && message.channel === 'library:list-media') {
        const value = {
          items: [],
          totalCount: 0,
          nextToken: null,
          pageNo: 1,
          pageSize: 48,
          requestId: null,
        };
        socket.send(JSON.stringify({ kind: 'reply', id: message.id, result: { ok: true, value } }));
        return;
      }
      server.send(raw);
    });
  });
  await page.goto(preview.url);
  const app = new AppPage(page);
  await expect(app.tiles.first()).toBeVisible();
  await app.businessType('Background images').click();
  const empty = page.getByTestId('empty-state');
  await expect(empty.getByRole('heading')).toHaveText('No background images in this library');
});
