// Text folding for search: the same function prepares the stored text and the query, so case,
// accents, full-width forms and separators compare equal ("Café" = "cafe", "ＡＢＣ" = "abc").
// Chinese stays as it is: a substring of a title matches directly, two characters included.
// Pinyin of the Chinese runs is indexed too, full ("xingguang") and initials ("xg").

import { pinyin } from 'pinyin-pro';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s_\-–—·・.,，、。:：;；/\\|()（）[\]【】"'“”‘’!！?？#]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Lower case, accents removed, full-width folded (NFKC), separators collapsed to one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The query's words: every one must match somewhere in an item. */
export function queryTerms(text: string): string[] {
  return [
    ...new Set(
      foldText(text)
        .split(' ')
        .filter((t) => t !== ''),
    ),
  ];
}

export interface PinyinForms {
  /**
   * The folded text with each Chinese run spelt in pinyin: "星光 Starlight" -> "xingguang
   * starlight". Full-pinyin queries match it, and it is the title sort key (pinyin order).
   */
  full: string;
  /** First letters of the Chinese runs: 星光 -> "xg". */
  initials: string;
}

// Titles repeat their Chinese words across a catalogue; converting a run costs ~20 µs, a lookup
// far less. Bounded so a huge catalogue cannot grow it without end.
const runCache = new Map<string, PinyinForms>();
const RUN_CACHE_LIMIT = 50_000;

/**
 * Pinyin of the Chinese in a text. Polyphonic characters get the reading pinyin-pro chooses
 * from its phrase dictionary in context (音乐 -> yinyue, 快乐 -> kuaile): one reading per
 * character, the library's best guess, not every reading.
 */
export function pinyinOf(text: string): PinyinForms {
  const initials: string[] = [];
  const full = foldText(text).replace(HAN_RUN, (run) => {
    const forms = pinyinOfRun(run);
    initials.push(forms.initials);
    return forms.full;
  });
  return { full, initials: initials.join(' ') };
}

function pinyinOfRun(run: string): PinyinForms {
  const cached = runCache.get(run);
  if (cached) return cached;
  const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
  const forms = {
    full: syllables.join('').toLowerCase(),
    initials: syllables
      .map((s) => s.charAt(0))
      .join('')
      .toLowerCase(),
  };
  if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
  runCache.set(run, forms);
  return forms;
}

/** True when a term is plain Latin letters, the only kind that can be pinyin. */
export function couldBePinyin(term: string): boolean {
  return /^[a-z]+$/.test(term);
}
