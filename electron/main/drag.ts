// Starts the OS drag of files out of the window (webContents.startDrag). Called synchronously
// from the one-way startDrag message: nothing may be awaited before it (macOS ignores a late
// call). The icon must be a non-empty image or the drag silently does nothing, so a local image
// (the dragged file or the item's cover) scaled down is used when it loads, else a bundled PNG.

import { nativeImage } from 'electron';
import type { NativeImage, WebContents } from 'electron';
import type { DragPlan } from '../services/media-out/drag-out';

const ICON_SIZE = 64;

/** A 48x48 document icon (PNG), bundled so the drag always has a valid image. */
const BUNDLED_ICON_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAlElEQVR42u3ZwQ2AIBBEUcrx4NGq7F/jDRvwYGB2B/RPsgW8EDKQLYUQ8phl3WrWhAGO80qb6QFyhAMgRbgAMoQTIEG4Ad2IEQBdiFEAzYiRAE1lBwAAgHeAupf5AdGIFEAkIg0QhUgFRCDSAWqIDaBCWAEKBCfwuztAD9DEf3oL8R8AAAAAAAAAAJjXrLZVLCEfyA04E5Cr+KmMygAAAABJRU5ErkJggg==';

export function dragIcon(iconPath: string | null): NativeImage {
  if (iconPath !== null) {
    try {
      const image = nativeImage.createFromPath(iconPath);
      if (!image.isEmpty()) {
        const { width, height } = image.getSize();
        const scale = ICON_SIZE / Math.max(width, height, 1);
        return scale < 1
          ? image.resize({
              width: Math.max(1, Math.round(width * scale)),
              height: Math.max(1, Math.round(height * scale)),
            })
          : image;
      }
    } catch {
      // An image Electron cannot read falls back to the bundled icon.
    }
  }
  return nativeImage.createFromBuffer(Buffer.from(BUNDLED_ICON_PNG, 'base64'));
}

/** The ShellActions.startDrag of the Electron app; `sender` is the message's webContents. */
export function startDrag(sender: unknown, plan: DragPlan): void {
  const contents = sender as WebContents;
  if (plan.files.length === 0 || contents.isDestroyed()) return;
  const [file] = plan.files;
  contents.startDrag({ file: file!, files: plan.files, icon: dragIcon(plan.iconPath) });
}
