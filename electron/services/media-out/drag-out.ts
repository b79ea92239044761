// Drag-out, the part that runs synchronously inside the page's dragstart: from MediaIds to files
// that exist now, under their real names (sanitized, unique within the drag), and an icon. The
// local copies carry cache names, so each is hard-linked (or, across file systems, copied) into a
// staging folder under its real name. Nothing here waits: macOS ignores a startDrag that comes
// late, so a file that is not local yet makes the plan fail and the page shows its progress.

import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { primaryFile } from '../../../shared/domain';
import { mediaFileName, numberedName, pathInside } from '../ice/file-names';
import type { LocalMediaFiles } from './local-media-files';
import type { MediaDirectory } from './media-directory';

/** The cover of an item, kept beside its files under this name (see LocalFilesService). */
export const COVER_FILE_NAME = '\0cover';

/** Formats Electron's nativeImage loads on every platform: the file itself makes the icon. */
const ICON_FORMATS = /\.(png|jpe?g)$/i;

export interface DragPlan {
  files: string[];
  /** A local image to scale down into the drag icon; null for the bundled icon. */
  iconPath: string | null;
}

export type DragRefusal = { ok: false; notReady: string[] };

export interface DragOutOptions {
  files: LocalMediaFiles;
  directory: MediaDirectory;
  /** Where the real-named links live (inside the app's data folder). */
  stagingDir: string;
}

export class DragOut {
  constructor(private readonly options: DragOutOptions) {}

  /** Synchronous by design (see above). */
  plan(mediaIds: readonly string[]): ({ ok: true } & DragPlan) | DragRefusal {
    const notReady: string[] = [];
    const sources: Array<{ mediaId: string; cached: string; name: string }> = [];
    for (const mediaId of new Set(mediaIds)) {
      const item = this.options.directory.known(mediaId);
      const file = item ? primaryFile(item) : null;
      const cached = file ? this.options.files.completedPath(mediaId, file.fileName) : null;
      if (!file || cached === null) {
        notReady.push(mediaId);
        continue;
      }
      sources.push({ mediaId, cached, name: mediaFileName(file.fileName, file.formatName) });
    }
    if (notReady.length > 0 || sources.length === 0) return { ok: false, notReady };

    const taken = new Set<string>();
    const files: string[] = [];
    for (const source of sources) {
      let name = source.name;
      for (let n = 1; taken.has(name.toLowerCase()); n++) name = numberedName(source.name, n);
      taken.add(name.toLowerCase());
      files.push(this.stage(source.mediaId, source.cached, name));
    }
    const imageIndex = files.findIndex((path) => ICON_FORMATS.test(path));
    const cover = this.coverOf(sources[0]!.mediaId);
    const iconPath = imageIndex >= 0 ? sources[imageIndex]!.cached : cover;
    return { ok: true, files, iconPath };
  }

  private coverOf(mediaId: string): string | null {
    return this.options.files.completedPath(mediaId, COVER_FILE_NAME);
  }

  /** The real-named link to a cached file; reused while it still is that file. */
  private stage(mediaId: string, cached: string, name: string): string {
    const folder = join(
      this.options.stagingDir,
      createHash('sha256').update(mediaId).digest('hex').slice(0, 24),
    );
    const target = pathInside(folder, name);
    const existing = statSync(target, { throwIfNoEntry: false });
    const source = statSync(cached);
    if (existing && existing.ino === source.ino && existing.dev === source.dev) return target;
    if (existing && existing.size === source.size) return target;
    mkdirSync(folder, { recursive: true });
    const unique = existing ? pathInside(folder, `${Date.now().toString(36)}-${name}`) : target;
    try {
      linkSync(cached, unique);
    } catch {
      copyFileSync(cached, unique);
    }
    return unique;
  }
}
