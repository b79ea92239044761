import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import { createAppStore } from '../../renderer/src/store/app-store';

function store() {
  const api = createBridgeApi({
    invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
    subscribe: () => () => undefined,
    send: () => undefined,
  });
  return createAppStore(api, 'en');
}

const ORDER = ['a', 'b', 'c', 'd', 'e'];

describe('the selection', () => {
  it('click selects one and shows it; Ctrl/⌘+click toggles; Shift+click takes the range', () => {
    const s = store();
    s.getState().choose('b', {}, ORDER);
    expect(s.getState()).toMatchObject({ selectedIds: ['b'], selectedMediaId: 'b' });
    s.getState().choose('d', { toggle: true }, ORDER);
    expect(s.getState()).toMatchObject({ selectedIds: ['b', 'd'], selectedMediaId: 'd' });
    s.getState().choose('b', { toggle: true }, ORDER);
    expect(s.getState()).toMatchObject({ selectedIds: ['d'], selectedMediaId: 'd' });
    // The last Ctrl/⌘+click (b, toggled off) is the anchor, as in file managers.
    s.getState().choose('a', { range: true }, ORDER);
    expect(s.getState().selectedIds).toEqual(['a', 'b']);
    // The anchor stays: Shift+click elsewhere replaces the range.
    s.getState().choose('e', { range: true }, ORDER);
    expect(s.getState().selectedIds).toEqual(['b', 'c', 'd', 'e']);
  });

  it('select all takes every loaded item; clear empties it; opening details selects that one', () => {
    const s = store();
    s.getState().selectAll(ORDER);
    expect(s.getState().selectedIds).toEqual(ORDER);
    s.getState().openDetails('c');
    // Already part of the selection: the selection stays, the panel shows c.
    expect(s.getState()).toMatchObject({
      selectedIds: ORDER,
      selectedMediaId: 'c',
      detailsOpen: true,
    });
    s.getState().clearSelection();
    expect(s.getState().selectedIds).toEqual([]);
    s.getState().openDetails('e');
    expect(s.getState().selectedIds).toEqual(['e']);
  });

  it('toggling the last one off closes the details panel', () => {
    const s = store();
    s.getState().openDetails('a');
    s.getState().choose('a', { toggle: true }, ORDER);
    expect(s.getState()).toMatchObject({ selectedIds: [], detailsOpen: false });
  });
});
