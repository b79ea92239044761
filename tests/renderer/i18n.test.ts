import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import {
  LANGUAGES,
  MESSAGES,
  detectLanguage,
  errorText,
  tagNameById,
} from '../../renderer/src/i18n';

/** Every leaf path of a dictionary, e.g. "library.retry". */
function leafPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? leafPaths(child as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('i18n dictionaries', () => {
  it.each(LANGUAGES)('%s has words for every error code', (language) => {
    for (const code of ERROR_CODES) {
      const text = MESSAGES[language].errors[code];
      expect(typeof text, `${language} ${code}`).toBe('string');
      expect(text.trim().length, `${language} ${code}`).toBeGreaterThan(0);
    }
  });

  it('has exactly the same keys in every language', () => {
    const reference = leafPaths(MESSAGES.en).sort();
    for (const language of LANGUAGES) {
      expect(leafPaths(MESSAGES[language]).sort()).toEqual(reference);
    }
  });

  it('translates rather than copies the English texts', () => {
    expect(MESSAGES['zh-CN'].library.emptyTitle).not.toBe(MESSAGES.en.library.emptyTitle);
    expect(MESSAGES['zh-CN'].errors.NETWORK).not.toBe(MESSAGES.en.errors.NETWORK);
  });

  it('words an unknown code from a newer main process as INTERNAL', () => {
    const error = { code: 'SOMETHING_NEW', message: 'x' } as unknown as Parameters<
      typeof errorText
    >[1];
    expect(errorText(MESSAGES.en, error)).toBe(MESSAGES.en.errors.INTERNAL);
    expect(errorText(MESSAGES.en, { code: 'THROTTLED', message: 'x' })).toBe(
      MESSAGES.en.errors.THROTTLED,
    );
  });

  it('pluralizes the item count in English', () => {
    expect(MESSAGES.en.library.itemCount(1)).toBe('1 item');
    expect(MESSAGES.en.library.itemCount(1234)).toBe('1,234 items');
  });
});

describe('detectLanguage', () => {
  it('follows the first supported browser language', () => {
    expect(detectLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'zh'])).toBe('zh-CN');
  });

  it('falls back to English', () => {
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage(['de-DE'])).toBe('en');
  });
});

describe('tagNameById', () => {
  it('uses loaded tags, then the documented ones, then the raw id', () => {
    const loaded = [
      { id: 'sticker-cute', businessType: 'sticker' as const, nameZh: '萌', nameEn: 'Kawaii' },
    ];
    expect(tagNameById('en', 'sticker-cute', loaded)).toBe('Kawaii');
    expect(tagNameById('zh-CN', 'bgm-upbeat', loaded)).toBe(
      DOCUMENTED_TAGS.find((t) => t.id === 'bgm-upbeat')?.nameZh,
    );
    expect(tagNameById('en', 'made-up-tag', [])).toBe('made-up-tag');
  });
});
