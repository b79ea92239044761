// A stand-in for the `electron` module (the runtime cannot be downloaded here). It records what
// the shell does and lets tests play Electron's part: fire 'ready', send IPC from chosen frames,
// navigate, open windows, ask for permissions. Behaviour the shell relies on is mimicked where it
// matters for correctness (scheme privileges only before ready, protocol.handle only after,
// one ipcMain handler per channel, 'web-contents-created' fired inside the BrowserWindow
// constructor).

import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** Enough of nativeImage for the shell: PNG and JPEG load, anything else is an empty image. */
export class FakeNativeImage {
  constructor(
    readonly bytes: Buffer,
    private readonly size: { width: number; height: number },
  ) {}
  static from(bytes: Buffer): FakeNativeImage {
    if (bytes.subarray(0, 4).equals(PNG_MAGIC) && bytes.length > 24) {
      return new FakeNativeImage(bytes, {
        width: bytes.readUInt32BE(16),
        height: bytes.readUInt32BE(20),
      });
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8)
      return new FakeNativeImage(bytes, { width: 640, height: 480 });
    return new FakeNativeImage(Buffer.alloc(0), { width: 0, height: 0 });
  }
  isEmpty(): boolean {
    return this.bytes.length === 0 || this.size.width === 0;
  }
  getSize(): { width: number; height: number } {
    return { ...this.size };
  }
  resize(options: { width: number; height: number }): FakeNativeImage {
    return new FakeNativeImage(this.bytes, { width: options.width, height: options.height });
  }
}

export interface FakeDragItem {
  file: string;
  files?: string[];
  icon: FakeNativeImage;
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextFrameId = 1;

export class FakeWebFrameMain {
  readonly frameTreeNodeId = nextFrameId++;
  constructor(
    public url: string,
    readonly parent: FakeWebFrameMain | null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrameMain('', null);
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly drags: FakeDragItem[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  private destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  startDrag(item: FakeDragItem): void {
    // Electron throws on an empty icon path and silently drags nothing with an empty image.
    if (!(item.icon instanceof FakeNativeImage)) throw new TypeError('icon must be a NativeImage');
    this.drags.push(item);
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Emits a navigation event the way Electron does; returns true when the shell blocked it. */
  attempt(eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
    // Electron passes the details (with url) first and the deprecated url argument second.
    const event = Object.assign(new FakeEvent(), { url, isMainFrame: true });
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
  attachWebviewAttempt(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    return event.defaultPrevented;
  }
  subframe(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this.mainFrame);
  }
}

export interface FakeIpcInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrameMain | null;
}

type IpcHandler = (event: FakeIpcInvokeEvent, ...args: unknown[]) => unknown;
type IpcListener = (event: FakeIpcInvokeEvent, ...args: unknown[]) => void;
type PermissionRequestHandler = (
  contents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (
  contents: FakeWebContents | null,
  permission: string,
  requestingOrigin: string,
  details: object,
) => boolean;

export type FakeApp = EventEmitter & {
  isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  isReady(): boolean;
  getPath(name: string): string;
  getVersion(): string;
  quit(): void;
  exit(code?: number): void;
};

export interface FakeElectronOptions {
  /** An Error makes app.getPath('userData') throw it (a start-up failure). */
  userDataDir: string | Error;
  singleInstanceLock?: boolean;
  isPackaged?: boolean;
}

/** One fresh Electron world per loaded bundle. */
export class FakeElectron {
  readonly windows: FakeBrowserWindowBase[] = [];
  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly ipcHandlers = new Map<string, IpcHandler>();
  readonly ipcListeners = new Map<string, Set<IpcListener>>();
  readonly shownInFolder: string[] = [];
  readonly openedPaths: string[] = [];
  readonly menus: Array<{ labels: string[] }> = [];
  /** The label of the menu entry the fake user clicks; null closes the menu. */
  menuChoice: string | null = null;
  /** What the fake folder picker answers. */
  folderChoice: string | null = null;
  readonly clipboardWrites: Array<Record<string, unknown>> = [];
  readonly rendererSends: Array<{ channel: string; args: unknown[] }> = [];
  readonly openedExternally: string[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly quitCalls: string[] = [];
  exitCode: number | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly exposedInMainWorld = new Map<string, unknown>();
  readonly rendererInvokes: Array<{ channel: string; args: unknown[] }> = [];
  rendererInvokeReply: (channel: string, payload: unknown) => Promise<unknown> = async () => ({
    ok: true,
    value: null,
  });
  readonly rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();

  private ready = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  readonly app: FakeApp;
  readonly BrowserWindow: new (options: BrowserWindowOptions) => FakeBrowserWindowBase;

  constructor(readonly options: FakeElectronOptions) {
    this.app = Object.assign(new EventEmitter(), {
      isPackaged: options.isPackaged ?? false,
      requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
      whenReady: () => this.readyPromise,
      isReady: () => this.ready,
      getPath: (name: string) => {
        if (name !== 'userData' && name !== 'downloads') {
          throw new Error(`fake getPath(${name}) not supported`);
        }
        if (options.userDataDir instanceof Error) throw options.userDataDir;
        return name === 'downloads' ? join(options.userDataDir, 'Downloads') : options.userDataDir;
      },
      getVersion: () => '0.1.0-test',
      quit: () => {
        this.quitCalls.push('quit');
      },
      exit: (code = 0) => {
        this.exitCode = code;
      },
    });
    const isReady = (): boolean => this.ready;
    const created = (window: FakeBrowserWindowBase): void => {
      this.windows.push(window);
      this.app.emit('web-contents-created', new FakeEvent(), window.webContents);
    };
    const windows = this.windows;
    this.BrowserWindow = class extends FakeBrowserWindowBase {
      static getFocusedWindow(): FakeBrowserWindowBase | null {
        return windows.find((w) => w.focused && !w.isDestroyed()) ?? null;
      }
      constructor(windowOptions: BrowserWindowOptions) {
        if (!isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
        super(windowOptions);
        created(this);
      }
    };
  }

  /** Fires app 'ready' (whenReady resolves). */
  becomeReady(): void {
    this.ready = true;
    this.app.emit('ready');
    this.resolveReady();
  }

  /** Plays the renderer side of ipcRenderer.invoke against the shell's ipcMain handler. */
  async invokeFrom(
    sender: FakeWebContents,
    senderFrame: FakeWebFrameMain | null,
    channel: string,
    payload?: unknown,
  ): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame }, payload);
  }

  /** Plays ipcRenderer.send (one-way) reaching the shell's ipcMain.on listeners. */
  sendFrom(
    sender: FakeWebContents,
    senderFrame: FakeWebFrameMain | null,
    channel: string,
    payload?: unknown,
  ): void {
    for (const listener of this.ipcListeners.get(channel) ?? []) {
      listener({ sender, senderFrame }, payload);
    }
  }

  /** Plays the main process's webContents.send reaching the preload's ipcRenderer.on. */
  emitToRenderer(channel: string, payload: unknown): void {
    const event = { sender: { secret: 'ipcRenderer' }, senderId: 0, ports: [] };
    for (const listener of this.rendererListeners.get(channel) ?? []) listener(event, payload);
  }

  /** The module the main bundle imports as 'electron'. */
  mainModule(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- object-literal methods below
    const fake = this;
    const module = {
      app: this.app,
      BrowserWindow: this.BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged(schemes: unknown[]) {
          if (fake.ready) throw new Error('registerSchemesAsPrivileged must run before ready');
          fake.privilegedSchemes.push(...schemes);
        },
        handle(scheme: string, handler: (request: Request) => Promise<Response>) {
          if (!fake.ready) throw new Error('protocol.handle must run after ready');
          if (fake.protocolHandlers.has(scheme)) throw new Error(`${scheme} already handled`);
          fake.protocolHandlers.set(scheme, handler);
        },
      },
      ipcMain: {
        handle(channel: string, handler: IpcHandler) {
          if (fake.ipcHandlers.has(channel)) {
            throw new Error(`Attempted to register a second handler for '${channel}'`);
          }
          fake.ipcHandlers.set(channel, handler);
        },
        removeHandler(channel: string) {
          fake.ipcHandlers.delete(channel);
        },
        on(channel: string, listener: IpcListener) {
          const set = fake.ipcListeners.get(channel) ?? new Set();
          set.add(listener);
          fake.ipcListeners.set(channel, set);
        },
        removeListener(channel: string, listener: IpcListener) {
          fake.ipcListeners.get(channel)?.delete(listener);
        },
      },
      nativeImage: {
        createFromPath(path: string) {
          try {
            return FakeNativeImage.from(readFileSync(path));
          } catch {
            return FakeNativeImage.from(Buffer.alloc(0));
          }
        },
        createFromBuffer(buffer: Buffer) {
          return FakeNativeImage.from(buffer);
        },
      },
      Menu: {
        buildFromTemplate(template: Array<{ label?: string; type?: string; click?: () => void }>) {
          return {
            popup(options: { callback?: () => void }) {
              fake.menus.push({ labels: template.flatMap((t) => (t.label ? [t.label] : [])) });
              template.find((t) => t.label !== undefined && t.label === fake.menuChoice)?.click?.();
              setImmediate(() => options.callback?.());
            },
          };
        },
      },
      clipboard: {
        async write(items: Array<{ items: Record<string, unknown> }>) {
          for (const item of items) fake.clipboardWrites.push(item.items);
        },
      },
      ClipboardItem: class {
        constructor(readonly items: Record<string, unknown>) {}
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
            fake.permissionRequestHandler = handler;
          },
          setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
            fake.permissionCheckHandler = handler;
          },
        },
      },
      shell: {
        async openExternal(url: string) {
          fake.openedExternally.push(url);
        },
        showItemInFolder(path: string) {
          fake.shownInFolder.push(path);
        },
        /** Electron answers '' on success, else an error message. */
        async openPath(path: string) {
          fake.openedPaths.push(path);
          return '';
        },
      },
      dialog: {
        showErrorBox(title: string, content: string) {
          fake.errorBoxes.push({ title, content });
        },
        async showOpenDialog(...args: unknown[]) {
          void args;
          return fake.folderChoice === null
            ? { canceled: true, filePaths: [] }
            : { canceled: false, filePaths: [fake.folderChoice] };
        },
      },
      webContents: {
        getAllWebContents: () => fake.windows.map((w) => w.webContents),
      },
    };
    return { ...module, default: module };
  }

  /** The module a sandboxed preload gets from require('electron'): renderer-side APIs only. */
  preloadModule(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- object-literal methods below
    const fake = this;
    return {
      contextBridge: {
        exposeInMainWorld(key: string, api: unknown) {
          if (fake.exposedInMainWorld.has(key)) throw new Error(`${key} already exposed`);
          fake.exposedInMainWorld.set(key, api);
        },
      },
      ipcRenderer: {
        send(channel: string, ...args: unknown[]) {
          fake.rendererSends.push({ channel, args });
        },
        invoke(channel: string, ...args: unknown[]) {
          fake.rendererInvokes.push({ channel, args });
          return fake.rendererInvokeReply(channel, args[0]);
        },
        on(channel: string, listener: (...args: unknown[]) => void) {
          const set = fake.rendererListeners.get(channel) ?? new Set();
          set.add(listener);
          fake.rendererListeners.set(channel, set);
          return this;
        },
        removeListener(channel: string, listener: (...args: unknown[]) => void) {
          fake.rendererListeners.get(channel)?.delete(listener);
          return this;
        },
      },
    };
  }
}

export interface BrowserWindowOptions {
  show?: boolean;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

export class FakeBrowserWindowBase extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible: boolean;
  focused = false;
  minimized = false;
  private closed = false;

  constructor(readonly options: BrowserWindowOptions) {
    super();
    this.visible = options.show ?? true;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}
