// Persists the non-secret settings as JSON in the app's data folder. A corrupt or invalid file is
// moved aside (settings.corrupt-<timestamp>.json) and defaults are used, with a notice for the UI;
// anything that looks like a secret is stripped from the file on load and refused on update.

import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from './atomic-write';
import { DEFAULT_SETTINGS, SECRET_LIKE_KEY, settingsPatchSchema, settingsSchema } from './settings';
import type { Settings, SettingsPatch } from './settings';

export const SETTINGS_FILE_NAME = 'settings.json';

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
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.settings = { ...DEFAULT_SETTINGS };
        return { settings: this.current(), notice: null };
      }
      throw new AppError('INTERNAL', 'The settings file could not be read.', { cause: error });
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.resetToDefaults(null, 'was not readable');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return this.resetToDefaults(null, 'was not readable');
    }

    const { kept, removed } = withoutSecretLikeKeys(parsed as Record<string, unknown>);
    // Missing keys take their defaults (files from older versions); unknown keys are dropped.
    const checked = settingsSchema.partial().safeParse(kept);
    if (!checked.success) {
      // Never keep a secret on disk, not even in the moved-aside copy.
      return this.resetToDefaults(removed.length > 0 ? kept : null, 'had invalid values');
    }
    this.settings = { ...DEFAULT_SETTINGS, ...stripUndefined(checked.data) };
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
    // Merged inside the queue so that concurrent updates build on each other.
    return this.enqueue(async () => {
      const next: Settings = { ...this.settings, ...change };
      await writeFileAtomic(this.filePath, serialize(next));
      this.settings = next;
      return this.current();
    });
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

function withoutSecretLikeKeys(record: Record<string, unknown>): {
  kept: Record<string, unknown>;
  removed: string[];
} {
  const kept: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_LIKE_KEY.test(key) || holdsSecretLikeKey(value)) removed.push(key);
    else kept[key] = value;
  }
  return { kept, removed };
}

function holdsSecretLikeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => SECRET_LIKE_KEY.test(k) || holdsSecretLikeKey(v));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
