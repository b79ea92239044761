import type { BusinessType, MediaTag } from '../../../shared/domain';
import { isErrorCode } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import { BUSINESS_TYPE_INFO, DOCUMENTED_TAGS } from '../../../shared/tags';
import { en } from './en';
import { LANGUAGES } from './messages';
import type { Language, Messages } from './messages';
import { zhCN } from './zh-CN';

export { LANGUAGES };
export type { Language, Messages };

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, 'zh-CN': zhCN };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the UI language from the browser's preference list: any Chinese becomes zh-CN. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The words for an error; an unknown code (a newer main process) falls back to INTERNAL's. */
export function errorText(messages: Messages, error: AppErrorData): string {
  return isErrorCode(error.code) ? messages.errors[error.code] : messages.errors.INTERNAL;
}

export function businessTypeName(language: Language, businessType: BusinessType): string {
  const info = BUSINESS_TYPE_INFO.find((b) => b.id === businessType);
  if (!info) return businessType;
  return language === 'zh-CN' ? info.nameZh : info.nameEn;
}

export function tagName(language: Language, tag: MediaTag): string {
  const name = language === 'zh-CN' ? tag.nameZh : tag.nameEn;
  return name.trim() !== '' ? name : tag.id;
}

/** Localizes a tag id found on a media item, using the loaded tags, then the documented ones. */
export function tagNameById(language: Language, tagId: string, known: readonly MediaTag[]): string {
  const tag = known.find((t) => t.id === tagId) ?? DOCUMENTED_TAGS.find((t) => t.id === tagId);
  return tag ? tagName(language, tag) : tagId;
}
