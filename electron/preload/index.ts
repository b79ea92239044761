// The sandboxed preload: exposes the contract's named methods as window.iceApi, nothing else.
// The page never sees ipcRenderer or an IPC event object, only payloads and Results.

import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../../shared/bridge';
import type { BridgeTransport } from '../../shared/bridge';
import { BRIDGE_GLOBAL } from '../../shared/ipc-channels';

const transport: BridgeTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  send: (channel, payload) => ipcRenderer.send(channel, payload),
  subscribe(channel, listener) {
    const onMessage = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, onMessage);
    return () => {
      ipcRenderer.removeListener(channel, onMessage);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridgeApi(transport));
