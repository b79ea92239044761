// "When it was last updated" in both languages: under a minute reads "just now" as a sentence of
// its own (Intl's "now"/"现在" after "updated"/"更新于" read wrongly), later times read "… ago".

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../renderer/src/i18n';
import type { Language, Messages } from '../../renderer/src/i18n';
import { lastUpdatedText } from '../../renderer/src/i18n/relative-time';

const now = Date.parse('2026-12-02T10:00:00.000Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

// The two sentences the app builds with it: the catalogue note and the favourites sync line.
const catalogueUpdatedText = (t: Messages, iso: string, at: number, language: Language) =>
  lastUpdatedText(iso, at, language, {
    justNow: t.catalogue.updatedJustNow,
    at: t.catalogue.updatedAt,
  });
const favouritesSyncedText = (t: Messages, iso: string, at: number, language: Language) =>
  lastUpdatedText(iso, at, language, {
    justNow: t.favouriteSync.lastSyncedJustNow,
    at: t.favouriteSync.lastSynced,
  });

describe('when the catalogue and favourites were last updated', () => {
  it('says "just now" within the minute, in words that read', () => {
    expect(catalogueUpdatedText(MESSAGES.en, ago(20), now, 'en')).toBe(
      'Catalogue updated just now',
    );
    expect(catalogueUpdatedText(MESSAGES['zh-CN'], ago(20), now, 'zh-CN')).toBe('目录刚刚更新');
    expect(favouritesSyncedText(MESSAGES.en, ago(0), now, 'en')).toBe(
      'Favourites last synced just now.',
    );
    expect(favouritesSyncedText(MESSAGES['zh-CN'], ago(59), now, 'zh-CN')).toBe('收藏刚刚同步。');
  });

  it('counts minutes and hours after that', () => {
    expect(catalogueUpdatedText(MESSAGES.en, ago(5 * 60), now, 'en')).toBe(
      'Catalogue updated 5 minutes ago',
    );
    expect(catalogueUpdatedText(MESSAGES['zh-CN'], ago(2 * 3600), now, 'zh-CN')).toBe(
      '目录更新于 2小时前',
    );
    expect(favouritesSyncedText(MESSAGES.en, ago(120), now, 'en')).toBe(
      'Favourites last synced 2 minutes ago.',
    );
  });
});
