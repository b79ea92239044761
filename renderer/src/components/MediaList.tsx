import { memo, useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { tagNameById } from '../i18n';
import { formatDuration, mediaKind, tileFacts } from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages, selectSelectedMediaId } from '../store/selectors';
import { FavouriteButton } from './FavouriteButton';
import { PauseIcon, PlayIcon } from './icons';
import { Thumbnail } from './Thumbnail';
import { useActiveIndex, useRovingFocus } from './use-roving-focus';
import { Waveform } from './Waveform';
import './MediaList.css';
import { mediaCoverUrl } from '../media/media-urls';

const ROW_HEIGHT = 60;

interface MediaListProps {
  ids: string[];
  label: string;
  /** Told which rows are on screen, to fetch the items not loaded yet. */
  onVisibleRange?: (first: number, last: number) => void;
  /** Called near the end while more pages exist (the service's paging). */
  onNearEnd?: () => void;
}

/**
 * Items as rows: music gets a play button, its tags, duration and waveform (click to play from
 * there). ↑/↓ move (and keep playing when something plays), Space plays, Enter opens details,
 * ←/→ seek (the player bar handles those).
 */
export function MediaList({ ids, label, onVisibleRange, onNearEnd }: MediaListProps) {
  const selectedId = useAppStore(selectSelectedMediaId);
  const openDetails = useAppStore((s) => s.openDetails);
  const nowPlaying = useAppStore((s) => s.nowPlaying);
  const playing = useAppStore((s) => s.playing);
  const play = useAppStore((s) => s.play);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useActiveIndex(ids, () =>
    Math.max(0, ids.indexOf(nowPlaying ?? selectedId ?? '')),
  );
  const pendingFocus = useRef<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    // Re-render rows in React's own batch, not synchronously inside every scroll event: the
    // Chromium trace showed scroll-event dispatch as the largest share of long tasks.
    useFlushSync: false,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: 4,
    paddingEnd: 24,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    onVisibleRange?.(first, last);
    if (last >= ids.length - 10) onNearEnd?.();
  }, [first, last, ids.length, onVisibleRange, onNearEnd]);

  // The playing track moved (↓ in the player bar, auto-advance): follow it. Only when it moved:
  // a list changed by a sync while the user looks elsewhere stays where it is.
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (nowPlaying === null || nowPlaying === followed.current) return;
    const index = ids.indexOf(nowPlaying);
    if (index < 0) return;
    followed.current = nowPlaying;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [nowPlaying, ids, virtualizer, setActive]);

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.min(Math.max(index, 0), ids.length - 1);
      setActive(next);
      pendingFocus.current = next;
      virtualizer.scrollToIndex(next, { align: 'auto' });
      // Moving while a track plays plays the row moved to.
      const id = ids[next];
      if (id !== undefined && playing && nowPlaying !== null && id !== nowPlaying) play(id, ids);
    },
    [ids, virtualizer, playing, nowPlaying, play, setActive],
  );

  const focusProps = useRovingFocus(scrollRef, {
    pendingFocusRef: pendingFocus,
    active,
    activeRendered: rows.some((row) => row.index === active),
    // Tab into the list while its active row has scrolled away: the first row on screen (a
    // move of focus alone; it does not change the track playing).
    enter: () => {
      const first = virtualizer.range?.startIndex ?? rows[0]?.index ?? 0;
      setActive(first);
      pendingFocus.current = first;
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const index =
      event.target instanceof HTMLElement && event.target.matches('[role="gridcell"]')
        ? Number(event.target.dataset.index)
        : active;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveTo(index + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(index - 1);
        return;
      case 'Home':
        event.preventDefault();
        moveTo(0);
        return;
      case 'End':
        event.preventDefault();
        moveTo(ids.length - 1);
        return;
      case 'PageDown':
      case 'PageUp': {
        event.preventDefault();
        const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT));
        moveTo(index + (event.key === 'PageDown' ? page : -page));
        return;
      }
      case 'Enter': {
        const id = ids[index];
        if (id === undefined) return;
        event.preventDefault();
        openDetails(id);
        return;
      }
    }
  };

  return (
    <div
      ref={scrollRef}
      className="media-list"
      role="grid"
      data-list=""
      aria-label={label}
      aria-rowcount={ids.length}
      {...focusProps}
      onKeyDown={onKeyDown}
    >
      <div className="media-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const id = ids[row.index]!;
          return (
            <div
              key={id}
              role="row"
              aria-rowindex={row.index + 1}
              className="media-list__row"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT - 4 }}
            >
              <MediaRow
                mediaId={id}
                index={row.index}
                active={row.index === active}
                selected={id === selectedId}
                ids={ids}
                onActivate={(index) => {
                  setActive(index);
                  openDetails(id);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

const MediaRow = memo(function MediaRow({
  mediaId,
  index,
  active,
  selected,
  ids,
  onActivate,
}: {
  mediaId: string;
  index: number;
  active: boolean;
  selected: boolean;
  ids: string[];
  onActivate: (index: number) => void;
}) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const item = useAppStore((s) => s.mediaById.get(mediaId));
  const isCurrent = useAppStore((s) => s.nowPlaying === mediaId);
  const sounding = useAppStore((s) => s.nowPlaying === mediaId && s.playing);
  const progress = useAppStore((s) =>
    s.nowPlaying === mediaId && s.duration > 0 ? s.position / s.duration : null,
  );
  const play = useAppStore((s) => s.play);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const seekTo = useAppStore((s) => s.seekTo);
  if (!item) {
    return (
      <div
        role="gridcell"
        className="media-row media-row--placeholder"
        data-index={index}
        tabIndex={active ? 0 : -1}
        aria-busy
      />
    );
  }
  const title = item.title.trim() || t.library.untitled;
  const audio = mediaKind(item) === 'audio';
  const duration = formatDuration(item.files[0]?.duration ?? null);
  const tags = item.tags.map((tag) => tagNameById(language, tag, [])).join(' · ');
  return (
    <div
      role="gridcell"
      className={`media-row${selected ? ' media-row--selected' : ''}${isCurrent ? ' media-row--playing' : ''}`}
      tabIndex={active ? 0 : -1}
      aria-selected={selected}
      data-index={index}
      data-media-id={mediaId}
      onClick={() => onActivate(index)}
    >
      {audio ? (
        <button
          type="button"
          className="media-row__play"
          aria-label={sounding ? t.player.pauseItem(title) : t.player.playItem(title)}
          aria-pressed={sounding}
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            if (isCurrent) togglePlay();
            else play(mediaId, ids);
          }}
        >
          {sounding ? <PauseIcon size={16} /> : <PlayIcon size={16} />}
        </button>
      ) : null}
      <Thumbnail
        key={item.coverUrl === null ? '-' : '+'}
        src={item.coverUrl === null ? null : mediaCoverUrl(mediaId)}
        kind={audio ? 'audio' : 'image'}
        fit={item.businessType === 'sticker' ? 'contain' : 'cover'}
        checkerboard={item.businessType === 'sticker'}
        seed={mediaId}
        className="media-row__cover"
      />
      <div className="media-row__text">
        <span className="media-row__title" title={title}>
          {title}
        </span>
        <span className="media-row__tags">{tags || tileFacts(item, language).join(' · ')}</span>
      </div>
      {audio && (
        <Waveform
          mediaId={mediaId}
          label={t.player.waveformOf(title)}
          progress={isCurrent ? (progress ?? 0) : null}
          onSeek={(fraction) => {
            if (isCurrent) seekTo(fraction);
            else play(mediaId, ids, fraction);
          }}
        />
      )}
      <span className="media-row__duration">
        {audio ? duration : tileFacts(item, language).join(' · ')}
      </span>
      <FavouriteButton mediaId={mediaId} tabbable={active} />
    </div>
  );
});
