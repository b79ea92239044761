import { useContext, useEffect, useRef } from 'react';
import { formatDuration, mediaKind, primaryFile } from '../media/media-facts';
import { StoreContext, useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import type { AppState } from '../store/types';
import { CloseIcon, NextIcon, PauseIcon, PlayIcon, PreviousIcon } from './icons';
import { isTextField } from './SearchBox';
import './PlayerBar.css';
import { mediaFileUrl } from '../media/media-urls';

const SEEK_STEP_SECONDS = 5;

/** Elements whose own keys must win over the player's: typing, buttons, menus, sliders. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isTextField(target)) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement && target.type === 'range') return true;
  if (
    key === ' ' &&
    (target instanceof HTMLButtonElement || target.getAttribute('role') === 'button')
  ) {
    return true;
  }
  // Arrow keys move around a grid of tiles; the music list leaves ←/→ to the player.
  if (key.startsWith('Arrow') && target.closest('[role="grid"]:not([data-list])')) return true;
  return false;
}

/** The audio item a focused tile or row stands for, if any. */
function focusedAudio(state: AppState, target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  const id = target.closest<HTMLElement>('[data-media-id]')?.dataset.mediaId;
  const item = id ? state.mediaById.get(id) : undefined;
  return item && mediaKind(item) === 'audio' ? item.mediaId : null;
}

/** The image item a focused tile stands for, if any (Space opens quick look on it). */
function focusedImage(state: AppState, target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement) || !target.matches('[data-media-id]')) return null;
  const item = state.mediaById.get(target.dataset.mediaId ?? '');
  return item && mediaKind(item) === 'image' ? item.mediaId : null;
}

/** The ids on screen, in order (the player moves through them with ↑/↓). */
export function visibleQueue(state: AppState): string[] {
  if (state.results) return state.results.ids;
  const list = state.lists[`${state.businessType}/${state.selectedTagId ?? '*'}`];
  return list?.ids ?? [];
}

/**
 * The global player: one <audio> for the whole app. Space plays and pauses from anywhere but a
 * text field; ↑/↓ move to the previous/next item and keep playing; ←/→ seek 5 s.
 */
export function PlayerBar() {
  const t = useAppStore(selectMessages);
  const nowPlaying = useAppStore((s) => s.nowPlaying);
  const item = useAppStore((s) => (s.nowPlaying ? s.mediaById.get(s.nowPlaying) : undefined));
  const playing = useAppStore((s) => s.playing);
  const position = useAppStore((s) => s.position);
  const duration = useAppStore((s) => s.duration);
  const autoAdvance = useAppStore((s) => s.autoAdvance);
  const seekRequest = useAppStore((s) => s.seekRequest);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const setPlaying = useAppStore((s) => s.setPlaying);
  const step = useAppStore((s) => s.step);
  const seekTo = useAppStore((s) => s.seekTo);
  const reportPosition = useAppStore((s) => s.reportPosition);
  const setAutoAdvance = useAppStore((s) => s.setAutoAdvance);
  const stopPlayer = useAppStore((s) => s.stopPlayer);
  const store = useContext(StoreContext);
  const audio = useRef<HTMLAudioElement>(null);
  const file = item ? primaryFile(item) : null;
  // Played from the media cache: the signed URL may have expired since the catalogue synced.
  const src = item && file && file.url !== '' ? mediaFileUrl(item.mediaId, file.fileName) : '';

  // The element follows the wanted state.
  useEffect(() => {
    const element = audio.current;
    if (!element || !src) return;
    if (playing && element.paused) {
      element.play().catch(() => setPlaying(false));
    } else if (!playing && !element.paused) {
      element.pause();
    }
  }, [playing, src, setPlaying]);

  useEffect(() => {
    const element = audio.current;
    if (!element || !seekRequest) return;
    const apply = () => {
      if (Number.isFinite(element.duration) && element.duration > 0) {
        element.currentTime = seekRequest.fraction * element.duration;
      }
    };
    if (element.readyState >= 1) apply();
    else element.addEventListener('loadedmetadata', apply, { once: true });
  }, [seekRequest]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const key = event.key;
      if (![' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(key)) return;
      if (ownsKey(event.target, key)) return;
      if (!store) return;
      const state = store.getState();
      if (key === ' ') {
        const target = focusedAudio(state, event.target);
        const image = focusedImage(state, event.target);
        if (image !== null) {
          state.openQuickLook(image, visibleQueue(state));
        } else if (target !== null && target !== state.nowPlaying) {
          state.play(target, visibleQueue(state));
        } else if (state.nowPlaying !== null) {
          state.togglePlay();
        } else {
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (state.nowPlaying === null) return;
      // Inside the music list, ↑/↓ are the list's own (it plays what it moves to).
      if (
        (key === 'ArrowUp' || key === 'ArrowDown') &&
        event.target instanceof HTMLElement &&
        event.target.closest('[data-list]')
      ) {
        return;
      }
      event.preventDefault();
      if (key === 'ArrowUp' || key === 'ArrowDown') {
        state.step(key === 'ArrowDown' ? 1 : -1);
        return;
      }
      const element = audio.current;
      if (element && Number.isFinite(element.duration)) {
        const delta = key === 'ArrowRight' ? SEEK_STEP_SECONDS : -SEEK_STEP_SECONDS;
        element.currentTime = Math.min(Math.max(element.currentTime + delta, 0), element.duration);
      }
    };
    // Capture: the grid would otherwise take Space on a tile to open its details.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [store]);

  if (!nowPlaying || !item) return null;
  const title = item.title.trim() || t.library.untitled;
  const total = duration || file?.duration || 0;
  return (
    <section className="player" aria-label={t.player.label} data-testid="player">
      <audio
        ref={audio}
        src={src}
        preload="auto"
        onTimeUpdate={(event) =>
          reportPosition(event.currentTarget.currentTime, event.currentTarget.duration || 0)
        }
        onLoadedMetadata={(event) =>
          reportPosition(event.currentTarget.currentTime, event.currentTarget.duration || 0)
        }
        onPlay={() => setPlaying(true)}
        onPause={(event) => {
          if (!event.currentTarget.ended) setPlaying(false);
        }}
        onEnded={() => {
          if (!autoAdvance || step(1) === null) setPlaying(false);
        }}
        onError={() => setPlaying(false)}
      />
      <div className="player__controls">
        <button
          type="button"
          className="player__button"
          aria-label={t.player.previous}
          title={t.player.previous}
          onClick={() => step(-1)}
        >
          <PreviousIcon size={16} />
        </button>
        <button
          type="button"
          className="player__button player__button--main"
          aria-label={playing ? t.player.pause : t.player.play}
          aria-pressed={playing}
          onClick={togglePlay}
        >
          {playing ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
        </button>
        <button
          type="button"
          className="player__button"
          aria-label={t.player.next}
          title={t.player.next}
          onClick={() => step(1)}
        >
          <NextIcon size={16} />
        </button>
      </div>
      <div className="player__track">
        <span className="player__title" title={title}>
          {title}
        </span>
        <div className="player__timeline">
          <span className="player__time">{formatDuration(position) ?? '0:00'}</span>
          <input
            type="range"
            className="player__seek"
            aria-label={t.player.seek}
            min={0}
            max={1000}
            value={total > 0 ? Math.round((position / total) * 1000) : 0}
            onChange={(event) => seekTo(Number(event.target.value) / 1000)}
          />
          <span className="player__time">{formatDuration(total) ?? '0:00'}</span>
        </div>
      </div>
      <label className="player__auto">
        <input
          type="checkbox"
          checked={autoAdvance}
          onChange={(event) => setAutoAdvance(event.target.checked)}
        />
        {t.player.autoAdvance}
      </label>
      <button
        type="button"
        className="player__button"
        aria-label={t.player.close}
        title={t.player.close}
        onClick={stopPlayer}
      >
        <CloseIcon size={16} />
      </button>
    </section>
  );
}
