// Connects ipcMain to the transport-agnostic router: one handler per request channel of the
// contract, each checking its sender before anything else, and events out to the app's windows.

import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_CHANNEL_NAMES, SEND_CHANNEL_NAMES } from '../../shared/ipc-contract';
import type { Result } from '../../shared/errors';
import type { EventHub } from '../services/app/event-hub';
import type { IpcRouter } from '../services/ipc/ipc-router';
import { checkSender } from '../services/ipc/sender-check';
import type { SenderFacts } from '../services/ipc/sender-check';

export interface IpcWiringOptions {
  ipcMain: IpcMain;
  router: IpcRouter;
  events: EventHub;
  /** The webContents of the windows the app created; updated as windows come and go. */
  appContents: ReadonlySet<WebContents>;
  /** Origins whose top frame may call (app://renderer, or the dev server in development). */
  allowedOrigins: readonly string[];
  logger?: { warn(message: string): void };
}

function senderFacts(
  event: IpcMainInvokeEvent | IpcMainEvent,
  appContents: ReadonlySet<WebContents>,
): SenderFacts {
  const contents = event.sender;
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) {
    return { fromAppContents: appContents.has(contents), frame: null };
  }
  const main = contents.mainFrame;
  // Distinct WebFrameMain objects may stand for the same frame, so compare its browser-wide id.
  const isMainFrame =
    frame.parent === null && (frame === main || frame.frameTreeNodeId === main.frameTreeNodeId);
  return { fromAppContents: appContents.has(contents), frame: { isMainFrame, url: frame.url } };
}

/** Registers every handler; returns a function that removes them again. */
export function wireIpc(options: IpcWiringOptions): () => void {
  const { ipcMain, router, events, appContents, allowedOrigins } = options;
  for (const channel of REQUEST_CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      const verdict = checkSender(senderFacts(event, appContents), allowedOrigins);
      if (!verdict.ok) {
        options.logger?.warn(`Refused IPC on ${channel}: ${verdict.reason}`);
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: "Only the app's own window may ask this." },
        };
      }
      return router.dispatch(channel, payload);
    });
  }
  // One-way messages (drag-out): checked the same way, then handled synchronously, so a
  // startDrag happens while the page's dragstart is still on the stack.
  const onSend = new Map<string, (event: IpcMainEvent, payload: unknown) => void>();
  for (const channel of SEND_CHANNEL_NAMES) {
    const listener = (event: IpcMainEvent, payload: unknown): void => {
      const verdict = checkSender(senderFacts(event, appContents), allowedOrigins);
      if (!verdict.ok) {
        options.logger?.warn(`Refused IPC on ${channel}: ${verdict.reason}`);
        return;
      }
      router.receive(channel, payload, event.sender);
    };
    onSend.set(channel, listener);
    ipcMain.on(channel, listener);
  }
  const stopForwarding = events.forward((channel, payload) => {
    for (const contents of appContents) {
      if (!contents.isDestroyed()) contents.send(channel, payload);
    }
  });
  return () => {
    for (const channel of REQUEST_CHANNEL_NAMES) ipcMain.removeHandler(channel);
    for (const [channel, listener] of onSend) ipcMain.removeListener(channel, listener);
    stopForwarding();
  };
}
