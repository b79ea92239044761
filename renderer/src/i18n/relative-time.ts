// When something happened, in words: "5 minutes ago", the date when older than a day, and "just
// now" written as a sentence of its own. Intl's word for under a minute is "now" ("现在"), which
// reads wrongly after "updated" ("Catalogue updated now", "目录更新于 现在").

import type { Language } from './messages';

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

/**
 * A "last updated" sentence: `justNow` within the minute, else `at` with the relative time
 * ("Catalogue updated 5 minutes ago").
 */
export function lastUpdatedText(
  iso: string,
  now: number,
  language: Language,
  sentences: { justNow: string; at: (when: string) => string },
): string {
  return isJustNow(iso, now) ? sentences.justNow : sentences.at(relativeTime(iso, now, language));
}
