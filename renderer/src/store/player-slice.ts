// Audition: what plays in the global player bar, the list it moves through (the list on screen
// when playback started), whether it advances by itself, and how each business type is laid out
// (music defaults to the list with waveforms). The <audio> element itself lives in PlayerBar;
// this slice holds the intent and the position it reports.

import type { SliceCreator } from './types';

export type LayoutMode = 'grid' | 'list';
/** 'mixed': results across business types. */
export type LayoutKey = 'sticker' | 'bgm' | 'bgi' | 'mixed';

export interface PlayerSlice {
  nowPlaying: string | null;
  /** Whether the player should be sounding (the element follows). */
  playing: boolean;
  autoAdvance: boolean;
  queue: string[];
  /** Seconds, as the element reports them. */
  position: number;
  duration: number;
  /** A seek for the element to perform: fraction of the track, with a counter so repeats count. */
  seekRequest: { fraction: number; seq: number } | null;
  layoutByType: Record<LayoutKey, LayoutMode>;
  /** The image shown full size in quick look, with the list its arrows move through. */
  quickLook: { mediaId: string; queue: string[] } | null;
  /** Tile size as a multiple of the default (the thumbnail-size slider). */
  thumbScale: number;
  sidebarCollapsed: boolean;
  /** Details panel width in px, or null for the default. */
  detailsWidth: number | null;

  /** Plays an item from the start (or at a fraction), moving through the given list. */
  play(mediaId: string, queue: readonly string[], atFraction?: number): void;
  togglePlay(): void;
  setPlaying(playing: boolean): void;
  /** Moves by one in the queue; keeps playing if it was. Returns the new id. */
  step(direction: 1 | -1): string | null;
  seekTo(fraction: number): void;
  reportPosition(position: number, duration: number): void;
  setAutoAdvance(autoAdvance: boolean): void;
  setLayout(key: LayoutKey, mode: LayoutMode): void;
  stopPlayer(): void;
  openQuickLook(mediaId: string, queue: readonly string[]): void;
  moveQuickLook(direction: 1 | -1): void;
  closeQuickLook(): void;
  setThumbScale(scale: number): void;
  toggleSidebar(): void;
  setDetailsWidth(width: number | null): void;
}

export function createPlayerSlice(): SliceCreator<PlayerSlice> {
  return (set, get) => {
    let seekSeq = 0;
    return {
      nowPlaying: null,
      playing: false,
      autoAdvance: true,
      queue: [],
      position: 0,
      duration: 0,
      seekRequest: null,
      layoutByType: { sticker: 'grid', bgm: 'list', bgi: 'grid', mixed: 'grid' },
      quickLook: null,
      thumbScale: 1,
      sidebarCollapsed: false,
      detailsWidth: null,

      openQuickLook(mediaId, queue) {
        set({ quickLook: { mediaId, queue: [...queue] } });
      },

      moveQuickLook(direction) {
        const look = get().quickLook;
        if (!look) return;
        const { mediaById } = get();
        // Images only: arrows skip tracks (and items not loaded yet).
        for (let i = look.queue.indexOf(look.mediaId) + direction; ; i += direction) {
          const id = look.queue[i];
          if (id === undefined) return;
          const item = mediaById.get(id);
          if (item && item.businessType !== 'bgm') {
            set({ quickLook: { ...look, mediaId: id } });
            return;
          }
        }
      },

      closeQuickLook() {
        set({ quickLook: null });
      },

      setThumbScale(scale) {
        set({ thumbScale: Math.min(Math.max(scale, 0.6), 2) });
      },

      toggleSidebar() {
        set((state) => ({ sidebarCollapsed: !state.sidebarCollapsed }));
      },

      setDetailsWidth(width) {
        set({ detailsWidth: width === null ? null : Math.min(Math.max(width, 280), 720) });
      },

      play(mediaId, queue, atFraction) {
        const same = get().nowPlaying === mediaId;
        set({
          nowPlaying: mediaId,
          playing: true,
          queue: [...queue],
          ...(same ? {} : { position: 0, duration: 0 }),
          seekRequest: atFraction === undefined ? null : { fraction: atFraction, seq: ++seekSeq },
        });
      },

      togglePlay() {
        if (get().nowPlaying === null) return;
        set((state) => ({ playing: !state.playing }));
      },

      setPlaying(playing) {
        set({ playing });
      },

      step(direction) {
        const { nowPlaying, queue } = get();
        if (nowPlaying === null || queue.length === 0) return null;
        const index = queue.indexOf(nowPlaying);
        const next = queue[index + direction];
        if (next === undefined) return null;
        set({ nowPlaying: next, position: 0, duration: 0, seekRequest: null });
        return next;
      },

      seekTo(fraction) {
        set({ seekRequest: { fraction: Math.min(Math.max(fraction, 0), 1), seq: ++seekSeq } });
      },

      reportPosition(position, duration) {
        set({ position, duration });
      },

      setAutoAdvance(autoAdvance) {
        set({ autoAdvance });
      },

      setLayout(key, mode) {
        set((state) => ({ layoutByType: { ...state.layoutByType, [key]: mode } }));
      },

      stopPlayer() {
        set({ nowPlaying: null, playing: false, position: 0, duration: 0, queue: [] });
      },
    };
  };
}
