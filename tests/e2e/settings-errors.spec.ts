// What the connection test says when the service pushes back: a clock that is off, and
// throttling. The account's endpoint is a signature-verifying library server.

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MESSAGES } from '../../renderer/src/i18n';
import { ACCOUNT, ACCOUNT_LIBRARY_SIZE, expect, test } from './account-fixtures';
import { screenshot } from './fixtures';
import { SettingsSheet } from './settings-page';

const en = MESSAGES.en;
const SKEW_MINUTES = 17;

/**
 * A gateway whose clock is 17 minutes ahead and that refuses every timestamp, even one corrected
 * to its own clock: the case in which the app cannot recover by itself and must tell the user.
 */
async function startStubbornClockServer(): Promise<{
  url: string;
  hits: () => number;
  close(): Promise<void>;
}> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    const requestId = randomUUID().toUpperCase();
    res.writeHead(400, {
      'content-type': 'application/json;charset=utf-8',
      date: new Date(Date.now() + SKEW_MINUTES * 60_000).toUTCString(),
      'x-acs-request-id': requestId,
    });
    res.end(
      JSON.stringify({
        RequestId: requestId,
        Code: 'InvalidTimeStamp.Expired',
        Message: 'Specified time stamp or date value is expired.',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('a clock that is off: corrected by itself when possible, otherwise said in minutes', async ({
  page,
  startPreview,
  accountServer,
}) => {
  const { open } = await startPreview();
  await open(page);
  const sheet = new SettingsSheet(page);
  await sheet.open();

  // The service's clock is 17 minutes ahead: the first call is refused for its timestamp, the
  // client learns the offset from the answer's Date and signs again. The user sees it work.
  accountServer.setFaults({ clockSkewSeconds: SKEW_MINUTES * 60 });
  await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  await expect(sheet.outcome).toContainText(`The library has ${ACCOUNT_LIBRARY_SIZE} items.`);
  const statuses = accountServer.requestLog().map((r) => r.status);
  expect(statuses, 'refused for the timestamp, then accepted').toEqual([400, 200]);
  // It worked, and the user still learns that the clock is off.
  await expect(sheet.outcome.getByTestId('clock-corrected')).toHaveText(
    en.account.outcome.clockCorrected(SKEW_MINUTES),
  );

  // A gateway that keeps refusing: the words name the offset.
  const stubborn = await startStubbornClockServer();
  try {
    await sheet.endpoint.fill(stubborn.url);
    await sheet.testButton.click();
    await expect(sheet.outcome).toContainText(en.account.outcome.failed);
    await expect(sheet.outcome).toContainText(
      `Your computer's clock is off by ${SKEW_MINUTES} minutes`,
    );
    await expect(sheet.outcome).toContainText('AUTH_CLOCK_SKEW');
    await expect(sheet.outcome.getByTestId('request-id')).toHaveText(/^[0-9A-F-]{36}$/);
    expect(stubborn.hits()).toBe(2);
    await screenshot(page, '24-settings-clock-skew');
  } finally {
    await stubborn.close();
  }
});

test('throttling says it will retry, counts down, and then succeeds by itself', async ({
  page,
  startPreview,
  accountServer,
}) => {
  // The page's countdown runs on a clock the test moves on, one second at a time: each second is
  // seen however slow the machine, and none is waited for.
  await page.clock.install();
  const { open, frames } = await startPreview();
  await open(page);
  const sheet = new SettingsSheet(page);
  await sheet.open();
  await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
  await page.clock.pauseAt(Date.now() + 1_000);

  // The client itself retries four times after the server's short Retry-After (0 s); the fifth
  // refusal asks for 3 s and reaches the view, which waits them, saying so, then succeeds.
  accountServer.setFaults({ throttle: { count: 5, retryAfterSeconds: [0, 0, 0, 0, 3] } });
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText('Too many requests, retrying in 3 s', {
    timeout: 30_000,
  });
  await screenshot(page, '25-settings-throttled');
  await page.clock.runFor(1_000);
  await expect(sheet.outcome).toContainText('Too many requests, retrying in 2 s');
  await page.clock.runFor(1_000);
  await expect(sheet.outcome).toContainText('Too many requests, retrying in 1 s');
  expect(accountServer.requestLog().length, 'nothing sent while counting down').toBe(5);
  await page.clock.runFor(1_000);
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  await expect(sheet.outcome).toContainText(`The library has ${ACCOUNT_LIBRARY_SIZE} items.`);
  const statuses = accountServer.requestLog().map((r) => r.status);
  expect(statuses).toEqual([400, 400, 400, 400, 400, 200]);

  // Editing the form stops a pending retry: nothing runs behind the user's back, even once the
  // wait is over.
  accountServer.setFaults({ throttle: { count: 1_000, retryAfterSeconds: 40 } });
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText('Too many requests, retrying in 40 s');
  await sheet.endpoint.fill(`${accountServer.url}/`);
  await expect(sheet.outcome).toContainText(en.errors.THROTTLED);
  await expect(sheet.outcome).not.toContainText('retrying in');
  const mark = frames.length;
  await page.clock.runFor(41_000);
  // A retry would have sent its request inside runFor; one more call over the same (ordered)
  // bridge comes back only after the preview has received everything sent before it.
  await page.evaluate(async () => {
    const { iceApi } = globalThis as unknown as { iceApi: { getSettings(): Promise<unknown> } };
    await iceApi.getSettings();
  });
  const sent = frames
    .slice(mark)
    .filter((f) => f.direction === 'in')
    .map((f) => f.channel);
  expect(sent).toContain('settings:get');
  expect(sent.filter((channel) => channel.startsWith('account:'))).toEqual([]);
  await expect(sheet.outcome).toContainText(en.errors.THROTTLED);
  await expect(sheet.outcome).not.toContainText('retrying in');
});
