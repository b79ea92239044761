// Persists the non-secret settings as JSON in the app's data folder. A corrupt or invalid file is
// moved aside (settings.corrupt-<timestamp>.json) and defaults are used, with a notice for the UI;
// anything that looks like a secret is stripped from the file on load and refused on update.
// The app and the CLI share the file: an update re-reads it and changes only the keys it was
// given, under a lock file, so neither overwrites the other's change with a stale copy; watch()
// tells the app about changes made by another process.

import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from './atomic-write';
import { DEFAULT_SETTINGS, SECRET_LIKE_KEY, settingsPatchSchema, settingsSchema } from './settings';
import type { Settings, SettingsPatch } from './settings';

export const SETTINGS_FILE_NAME = 'settings.json';
/** Far above any real settings file (a few hundred bytes); a larger one is not read. */
export const MAX_SETTINGS_BYTES = 64 * 1024;
/** Settings are flat; deeper nesting than this is refused rather than walked. */
const MAX_DEPTH = 16;
/** Held while a process reads, merges and writes the file. */
const LOCK_SUFFIX = '.lock';
/** A lock older than this was left by a process that died mid-write. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

export interface SettingsLoadResult {
  settings: Settings;
  /** A sentence for the UI when the file had to be repaired, otherwise null. */
  notice: string | null;
}

export interface SettingsStoreOptions {
  /** The app's data folder (Electron: app.getPath('userData')). */
  dataDir: string;
  /** For predictable names of moved-aside files in tests. */
  now?: () => Date;
}

export class SettingsStore {
  readonly filePath: string;
  private readonly dataDir: string;
  private readonly now: () => Date;
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SettingsStoreOptions) {
    this.dataDir = options.dataDir;
    this.filePath = join(options.dataDir, SETTINGS_FILE_NAME);
    this.now = options.now ?? (() => new Date());
  }

  /** The settings as last loaded or updated (defaults before the first load). */
  current(): Settings {
    return { ...this.settings };
  }

  async load(): Promise<SettingsLoadResult> {
    const read = await this.readFile();
    if (read.kind === 'missing') {
      this.settings = { ...DEFAULT_SETTINGS };
      return { settings: this.current(), notice: null };
    }
    if (read.kind === 'unreadable') return this.resetToDefaults(null, read.problem);
    if (read.kind === 'invalid') {
      // Never keep a secret on disk, not even in the moved-aside copy.
      return this.resetToDefaults(read.removed.length > 0 ? read.kept : null, 'had invalid values');
    }
    const { removed } = read;
    this.settings = read.settings;
    if (removed.length === 0) return { settings: this.current(), notice: null };

    await this.write(this.settings);
    return {
      settings: this.current(),
      notice:
        `Removed ${removed.join(', ')} from the settings file: secrets are kept only in the ` +
        'keychain.',
    };
  }

  /** Validates and saves a change; refuses unknown keys and anything that looks like a secret. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const secretKeys = Object.keys(patch).filter((key) => SECRET_LIKE_KEY.test(key));
    if (secretKeys.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `Settings cannot hold ${secretKeys.join(', ')}: secrets are kept only in the keychain.`,
      );
    }
    const checked = settingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      const problems = checked.error.issues.map(
        (i) => `${i.path.join('.') || 'settings'}: ${i.message}`,
      );
      throw new AppError('INVALID_INPUT', `Invalid settings. ${problems.join('; ')}`);
    }
    const change = stripUndefined(checked.data);
    // Merged inside the queue (this process) and the lock (other processes: the CLI, another
    // preview) onto the file as it is now, so that concurrent updates build on each other.
    return this.enqueue(() =>
      this.withLock(async () => {
        const read = await this.readFile();
        const base = read.kind === 'ok' ? read.settings : this.settings;
        const next: Settings = { ...base, ...change };
        await writeFileAtomic(this.filePath, serialize(next));
        this.settings = next;
        return this.current();
      }),
    );
  }

  /**
   * Calls `listener` when another process changed the file (the CLI's `auth set` while the app
   * runs), after taking the new values; a file that is briefly missing or invalid is ignored.
   * Returns a function that stops watching.
   */
  watch(listener: (settings: Settings) => void): () => void {
    let watcher: FSWatcher;
    try {
      watcher = watch(this.dataDir, { persistent: false });
    } catch {
      return () => undefined; // no folder yet, or no watching on this file system
    }
    let timer: NodeJS.Timeout | null = null;
    const check = (): void => {
      timer = null;
      void this.enqueue(async () => {
        const read = await this.readFile();
        if (read.kind !== 'ok') return;
        if (serialize(read.settings) === serialize(this.settings)) return;
        this.settings = read.settings;
        listener(this.current());
      }).catch(() => undefined);
    };
    watcher.on('change', (_type, name) => {
      if (name !== null && String(name) !== SETTINGS_FILE_NAME) return;
      // Renames and writes come in bursts: look once they have settled.
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(check, 50);
    });
    watcher.on('error', () => watcher.close());
    return () => {
      if (timer !== null) clearTimeout(timer);
      watcher.close();
    };
  }

  /** The file's settings, or why there are none; never throws for what the file holds. */
  private async readFile(): Promise<FileRead> {
    let text: string;
    try {
      const info = await stat(this.filePath);
      if (info.size > MAX_SETTINGS_BYTES) return { kind: 'unreadable', problem: 'was too large' };
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw new AppError('INTERNAL', 'The settings file could not be read.', { cause: error });
    }
    let parsed: unknown;
    try {
      // Notepad saves UTF-8 with a byte order mark; JSON.parse does not accept one.
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { kind: 'unreadable', problem: 'was not readable' };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { kind: 'unreadable', problem: 'was not readable' };
    }
    const { kept, removed, tooDeep } = withoutSecretLikeKeys(parsed as Record<string, unknown>);
    if (tooDeep) return { kind: 'unreadable', problem: 'was nested too deeply' };
    // Missing keys take their defaults (files from older versions); unknown keys are dropped.
    const checked = settingsSchema.partial().safeParse(kept);
    if (!checked.success) return { kind: 'invalid', kept, removed };
    return {
      kind: 'ok',
      settings: { ...DEFAULT_SETTINGS, ...stripUndefined(checked.data) },
      removed,
    };
  }

  /** Runs `task` holding settings.json.lock, which other processes respect too. */
  private async withLock<T>(task: () => Promise<T>): Promise<T> {
    const lockPath = `${this.filePath}${LOCK_SUFFIX}`;
    await mkdir(this.dataDir, { recursive: true });
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        await (await open(lockPath, 'wx', 0o600)).close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = await stat(lockPath).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (age > STALE_LOCK_MS || Date.now() > deadline) {
          await unlink(lockPath).catch(() => undefined); // left by a process that died
          continue;
        }
        await sleep(wait);
      }
    }
    try {
      return await task();
    } finally {
      await unlink(lockPath).catch(() => undefined);
    }
  }

  private async resetToDefaults(
    asideContent: Record<string, unknown> | null,
    problem: string,
  ): Promise<SettingsLoadResult> {
    const asideName = `settings.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}.json`;
    const asidePath = join(this.dataDir, asideName);
    if (asideContent === null) {
      await rename(this.filePath, asidePath);
    } else {
      await writeFileAtomic(asidePath, `${JSON.stringify(asideContent, null, 2)}\n`);
      await this.write({ ...DEFAULT_SETTINGS });
    }
    this.settings = { ...DEFAULT_SETTINGS };
    return {
      settings: this.current(),
      notice:
        `The settings file ${problem}, so the default settings are used. The old file was ` +
        `kept as ${asideName}.`,
    };
  }

  private write(settings: Settings): Promise<void> {
    return this.enqueue(() => writeFileAtomic(this.filePath, serialize(settings)));
  }

  /** Changes to the file run one at a time, in call order. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function serialize(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

type FileRead =
  | { kind: 'ok'; settings: Settings; removed: string[] }
  | { kind: 'missing' }
  | { kind: 'unreadable'; problem: string }
  | { kind: 'invalid'; kept: Record<string, unknown>; removed: string[] };

function withoutSecretLikeKeys(record: Record<string, unknown>): {
  kept: Record<string, unknown>;
  removed: string[];
  tooDeep: boolean;
} {
  const kept: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    const holds = SECRET_LIKE_KEY.test(key) || holdsSecretLikeKey(value);
    if (holds === null) return { kept, removed, tooDeep: true };
    if (holds) removed.push(key);
    else kept[key] = value;
  }
  return { kept, removed, tooDeep: false };
}

/** Whether a secret-like key is nested in value; null when it nests deeper than MAX_DEPTH. */
function holdsSecretLikeKey(value: unknown): boolean | null {
  // Iterative, with a depth limit: a deeply nested (valid) file must not overflow the stack.
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number };
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > MAX_DEPTH) return null;
    for (const [k, v] of Object.entries(next.value)) {
      if (SECRET_LIKE_KEY.test(k)) return true;
      stack.push({ value: v, depth: next.depth + 1 });
    }
  }
  return false;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
