// The demo library has media under every tag, so this test empties one tag's answer on its
// way from the preview server to the page (the bridge's WebSocket), leaving the rest real.

import { MESSAGES } from '../../renderer/src/i18n';
import { AppPage, expect, screenshot, test } from './fixtures';

test('a tag without media says so', async ({ page, preview }) => {
  await page.routeWebSocket(/\/__preview\/bridge/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as {
        id: number;
        channel: string;
        payload?: { mediaTagId?: string; pageNo?: number; pageSize?: number };
      };
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
