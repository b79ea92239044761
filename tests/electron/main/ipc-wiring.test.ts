// The IPC wiring on its own: a fake ipcMain, the real router and the real event hub.

import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { wireIpc } from '../../../electron/main/ipc-wiring';
import { EventHub } from '../../../electron/services/app/event-hub';
import { createIpcRouter } from '../../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../../electron/services/ipc/ipc-router';
import {
  REQUEST_CHANNEL_NAMES,
  REQUEST_NAMES,
  eventChannels,
  requestChannels,
} from '../../../shared/ipc-contract';
import { FakeElectron, FakeWebContents } from './fake-electron';

function setup() {
  const fake = new FakeElectron({ userDataDir: '/nonexistent' });
  const listTags = vi.fn(async () => []);
  // Only listTags is exercised; every other channel of the (growing) contract just exists.
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const handlers = {
    ...Object.fromEntries(REQUEST_NAMES.map((name) => [name, notUsed])),
    listTags,
  } as unknown as Handlers;
  const events = new EventHub();
  const mine = new FakeWebContents();
  mine.mainFrame.url = 'app://renderer/index.html';
  const appContents = new Set([mine]);
  const warnings: string[] = [];
  const unwire = wireIpc({
    ipcMain: fake.mainModule()['ipcMain'] as unknown as IpcMain,
    router: createIpcRouter(handlers),
    events,
    appContents: appContents as unknown as Set<WebContents>,
    allowedOrigins: ['app://renderer'],
    logger: { warn: (message) => warnings.push(message) },
  });
  return { fake, listTags, events, mine, appContents, warnings, unwire };
}

describe('wireIpc', () => {
  it('registers one handler per request channel of the contract', () => {
    const { fake } = setup();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...REQUEST_CHANNEL_NAMES].sort());
  });

  it('dispatches an accepted sender to the router with the payload', async () => {
    const { fake, mine, listTags } = setup();
    const reply = await fake.invokeFrom(mine, mine.mainFrame, requestChannels.listTags.channel, {
      businessType: 'bgm',
    });
    expect(reply).toEqual({ ok: true, value: [] });
    expect(listTags).toHaveBeenCalledWith({ businessType: 'bgm' });
  });

  it('checks the sender before the payload and never runs the handler for a refused one', async () => {
    const { fake, mine, listTags, warnings } = setup();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://renderer/index.html';
    const channel = requestChannels.listTags.channel;
    for (const [sender, frame] of [
      [stranger, stranger.mainFrame],
      [mine, mine.subframe('app://renderer/index.html')],
      [mine, null],
    ] as const) {
      expect(await fake.invokeFrom(sender, frame, channel, { businessType: 'bgm' })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: "Only the app's own window may ask this." },
      });
      // Invalid payloads from refused senders are refused as senders, not parsed.
      expect(await fake.invokeFrom(sender, frame, channel, { nope: 1 })).toMatchObject({
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
    expect(listTags).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toContain(channel);
  });

  it("forwards events to the app's live windows only, with just the payload", () => {
    const { events, mine, appContents } = setup();
    const closed = new FakeWebContents();
    appContents.add(closed);
    closed.destroy();
    const outsider = new FakeWebContents();
    const source = { kind: 'demo' as const, endpoint: '127.0.0.1:2' };
    events.emit('onLibrarySourceChanged', source);
    expect(mine.sent).toEqual([
      { channel: eventChannels.onLibrarySourceChanged.channel, args: [source] },
    ]);
    expect(closed.sent).toEqual([]);
    expect(outsider.sent).toEqual([]);
  });

  it('unwiring removes the handlers and stops forwarding', () => {
    const { fake, events, mine, unwire } = setup();
    unwire();
    expect(fake.ipcHandlers.size).toBe(0);
    events.emit('onLibrarySourceChanged', { kind: 'demo', endpoint: 'x' });
    expect(mine.sent).toEqual([]);
  });
});
