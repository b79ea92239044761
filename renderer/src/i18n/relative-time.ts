// When something happened, in words: "5 minutes ago", the date when older than a day, and "just
// now" written as a sentence of its own. Intl's word for under a minute is "now" ("现在"), which
// reads wrongly after "updated" ("Catalogue updated now", "目录更新于 现在").

import type { Language, Messages } from './messages';

/** Seconds from `now` to `iso`, rounded (negative in the past), or null when not a date. */
function secondsFrom(iso: string, now: number): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.round((ms - now) / 1000);
}

/** Under a minute from now, either way: a note says "just now". */
export function isJustNow(iso: string, now: number): boolean {
  const seconds = secondsFrom(iso, now);
  return seconds !== null && Math.abs(seconds) < 60;
}

/** "5 minutes ago" in the UI language, or the date when it is older than a day. */
export function relativeTime(iso: string, now: number, language: Language): string {
  const seconds = secondsFrom(iso, now);
  if (seconds === null) return iso;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(0, 'second');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return new Date(Date.parse(iso)).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export function catalogueUpdatedText(
  t: Messages,
  iso: string,
  now: number,
  language: Language,
): string {
  return isJustNow(iso, now)
    ? t.catalogue.updatedJustNow
    : t.catalogue.updatedAt(relativeTime(iso, now, language));
}

export function favouritesSyncedText(
  t: Messages,
  iso: string,
  now: number,
  language: Language,
): string {
  return isJustNow(iso, now)
    ? t.favouriteSync.lastSyncedJustNow
    : t.favouriteSync.lastSynced(relativeTime(iso, now, language));
}
