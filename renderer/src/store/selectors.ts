// Read the store through these: components subscribe to exactly what they show.

import type { MediaItem, MediaTag } from '../../../shared/domain';
import { MESSAGES } from '../i18n';
import type { Messages } from '../i18n';
import { listKey } from './library-slice';
import type { MediaListState, TagsState } from './library-slice';
import type { AppState } from './types';

const NO_TAGS: MediaTag[] = [];

export const selectLanguage = (s: AppState) => s.language;
export const selectMessages = (s: AppState): Messages => MESSAGES[s.language];
export const selectBusinessType = (s: AppState) => s.businessType;
export const selectSelectedTagId = (s: AppState) => s.selectedTagId;
export const selectSource = (s: AppState) => s.source;
export const selectDetailsOpen = (s: AppState) => s.detailsOpen;
export const selectSelectedMediaId = (s: AppState) => s.selectedMediaId;

export const selectTagsState = (s: AppState): TagsState | undefined => s.tagsByType[s.businessType];

/** The loaded tags of the current business type (stable empty array while none). */
export const selectTags = (s: AppState): MediaTag[] =>
  s.tagsByType[s.businessType]?.tags ?? NO_TAGS;

export const selectCurrentListKey = (s: AppState): string =>
  listKey(s.businessType, s.selectedTagId);

export const selectCurrentList = (s: AppState): MediaListState | undefined =>
  s.lists[listKey(s.businessType, s.selectedTagId)];

export const selectMedia =
  (mediaId: string) =>
  (s: AppState): MediaItem | undefined =>
    s.mediaById.get(mediaId);

export const selectSelectedMedia = (s: AppState): MediaItem | undefined =>
  s.selectedMediaId === null ? undefined : s.mediaById.get(s.selectedMediaId);

export const selectCurrentTag = (s: AppState): MediaTag | undefined =>
  s.selectedTagId === null
    ? undefined
    : s.tagsByType[s.businessType]?.tags.find((t) => t.id === s.selectedTagId);
