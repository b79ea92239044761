import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../../electron/services/secrets/memory-store';
import { keychainServiceName } from '../../../../electron/services/secrets/secret-store';

describe('MemoryStore', () => {
  it('stores, replaces and deletes values per account', async () => {
    const store = new MemoryStore();
    expect(store.kind).toBe('memory');
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'one');
    await store.set('b', 'two');
    await store.set('a', 'three');
    expect(await store.get('a')).toBe('three');
    expect(await store.get('b')).toBe('two');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('two');
  });

  it('keeps nothing across instances (a new session starts empty)', async () => {
    await new MemoryStore().set('a', 'one');
    expect(await new MemoryStore().get('a')).toBeNull();
  });
});

describe('keychainServiceName', () => {
  it('separates development builds from the installed app', () => {
    expect(keychainServiceName(true)).toBe('ICE Media Library');
    expect(keychainServiceName(false)).not.toBe(keychainServiceName(true));
    expect(keychainServiceName(false)).toContain('development');
  });
});
