// The player slice: what the player bar, the music list's keys and quick look rely on. The
// <audio> element lives in PlayerBar; this checks the intent the slice hands it.

import { describe, expect, it } from 'vitest';
import type { BusinessType, MediaItem } from '../../../shared/domain';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { MediaItems } from '../../../renderer/src/store/media-items';
import { stubBridge } from './stub-bridge';
import { mediaItem } from '../media-item-fixture';

const QUEUE = ['t-1', 't-2', 't-3'];

function item(mediaId: string, businessType: BusinessType): MediaItem {
  return mediaItem(mediaId, { businessType });
}

function setup() {
  const bridge = stubBridge();
  const store = createAppStore(bridge.api, 'en');
  return { store, bridge };
}

describe('player slice', () => {
  it('plays an item from the start with the list it was started from', () => {
    const { store } = setup();
    const queue = [...QUEUE];
    store.getState().play('t-2', queue);
    queue.push('later'); // the caller's array changing afterwards does not move the queue
    expect(store.getState()).toMatchObject({
      nowPlaying: 't-2',
      playing: true,
      queue: QUEUE,
      position: 0,
      duration: 0,
      seekRequest: null,
    });
  });

  it('keeps the position when the same item is played again, and seeks when asked', () => {
    const { store } = setup();
    store.getState().play('t-1', QUEUE);
    store.getState().reportPosition(12, 60);
    store.getState().play('t-1', QUEUE, 0.5);
    const state = store.getState();
    expect(state.position).toBe(12);
    expect(state.seekRequest?.fraction).toBe(0.5);
    // Another item starts from its beginning.
    store.getState().play('t-3', QUEUE);
    expect(store.getState()).toMatchObject({ nowPlaying: 't-3', position: 0, duration: 0 });
  });

  it('moves to the next and previous item and keeps playing or paused as it was', () => {
    const { store } = setup();
    store.getState().play('t-1', QUEUE);
    store.getState().reportPosition(30, 60);
    expect(store.getState().step(1)).toBe('t-2');
    expect(store.getState()).toMatchObject({ nowPlaying: 't-2', playing: true, position: 0 });
    store.getState().togglePlay();
    expect(store.getState().step(-1)).toBe('t-1');
    expect(store.getState()).toMatchObject({ nowPlaying: 't-1', playing: false });
  });

  it('stays on the last item at the end of the list and on the first at its start', () => {
    const { store } = setup();
    store.getState().play('t-3', QUEUE);
    expect(store.getState().step(1)).toBeNull();
    expect(store.getState().nowPlaying).toBe('t-3');
    store.getState().play('t-1', QUEUE);
    expect(store.getState().step(-1)).toBeNull();
    expect(store.getState().nowPlaying).toBe('t-1');
  });

  it('does nothing on Space or the arrows before anything was played', () => {
    const { store } = setup();
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().step(1)).toBeNull();
    expect(store.getState().nowPlaying).toBeNull();
  });

  it('auto-advance is on by default and can be turned off', () => {
    const { store } = setup();
    expect(store.getState().autoAdvance).toBe(true);
    store.getState().setAutoAdvance(false);
    expect(store.getState().autoAdvance).toBe(false);
  });

  it('clamps seeks to the track and counts a repeated seek as a new one', () => {
    const { store } = setup();
    store.getState().play('t-1', QUEUE);
    store.getState().seekTo(1.7);
    const first = store.getState().seekRequest;
    expect(first?.fraction).toBe(1);
    store.getState().seekTo(-3);
    expect(store.getState().seekRequest?.fraction).toBe(0);
    store.getState().seekTo(1);
    const again = store.getState().seekRequest;
    expect(again?.fraction).toBe(1);
    expect(again?.seq).not.toBe(first?.seq);
  });

  it('stops: nothing playing and an empty queue', () => {
    const { store } = setup();
    store.getState().play('t-2', QUEUE);
    store.getState().reportPosition(5, 60);
    store.getState().stopPlayer();
    expect(store.getState()).toMatchObject({
      nowPlaying: null,
      playing: false,
      position: 0,
      duration: 0,
      queue: [],
    });
  });

  it('quick look moves through images only, skipping tracks and items not loaded', () => {
    const { store } = setup();
    store.setState({
      mediaById: MediaItems.EMPTY.with([
        item('s-1', 'sticker'),
        item('m-1', 'bgm'),
        item('b-1', 'bgi'),
      ]),
    });
    store.getState().openQuickLook('s-1', ['s-1', 'm-1', 'not-loaded', 'b-1']);
    store.getState().moveQuickLook(1);
    expect(store.getState().quickLook?.mediaId).toBe('b-1');
    store.getState().moveQuickLook(1); // the end: stays
    expect(store.getState().quickLook?.mediaId).toBe('b-1');
    store.getState().moveQuickLook(-1);
    expect(store.getState().quickLook?.mediaId).toBe('s-1');
    store.getState().closeQuickLook();
    expect(store.getState().quickLook).toBeNull();
  });

  it('keeps the layout per business type, music as a list by default', () => {
    const { store } = setup();
    expect(store.getState().layoutByType).toEqual({
      sticker: 'grid',
      bgm: 'list',
      bgi: 'grid',
      mixed: 'grid',
    });
    store.getState().setLayout('bgm', 'grid');
    expect(store.getState().layoutByType.bgm).toBe('grid');
    expect(store.getState().layoutByType.sticker).toBe('grid');
  });

  it('bounds the thumbnail size and the details panel width', () => {
    const { store } = setup();
    store.getState().setThumbScale(5);
    expect(store.getState().thumbScale).toBe(2);
    store.getState().setThumbScale(0.1);
    expect(store.getState().thumbScale).toBe(0.6);
    store.getState().setDetailsWidth(100);
    expect(store.getState().detailsWidth).toBe(280);
    store.getState().setDetailsWidth(2000);
    expect(store.getState().detailsWidth).toBe(720);
    store.getState().setDetailsWidth(null);
    expect(store.getState().detailsWidth).toBeNull();
    store.getState().toggleSidebar();
    expect(store.getState().sidebarCollapsed).toBe(true);
  });
});
