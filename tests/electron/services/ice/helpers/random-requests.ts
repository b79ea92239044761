// Seeded generator of awkward request parameters for differential signing tests.

/** mulberry32: small, fast, good enough for test data; the same seed gives the same cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '',
  ' ',
  '  two  spaces ',
  '*',
  '~',
  '+',
  '/',
  '=',
  '+/=',
  'pSa1SQ0wCe5pzVrQ6mWZEw==',
  '8EqYpQbZ6Eh7+Zz8DxVYoQ==',
  "!'()",
  '&?#%',
  '%20',
  'a=b&c=d',
  'title标题',
  '贴纸 气氛',
  'café',
  'naïve résumé',
  '🎵🎉',
  'émoji 👍🏽 mix',
  'Ωμέγα',
  'русский',
  'tab\tnew\nline',
  '-_.~',
  'sticker-atmosphere',
  '0',
  '100',
  'true',
  'null',
  '\u00a0nbsp',
  '\\back\\slash',
  '"quotes"',
  '<tag>',
  '[]{}|^`',
  '$@:;,',
];

const NAMES = [
  'MediaTagId',
  'NextToken',
  'MaxResults',
  'PageNo',
  'PageSize',
  'IncludeFileBasicInfo',
  'BusinessType',
  'MediaId',
  'Title',
  'Tag.1',
  'Tag.2',
  'a',
  'Z',
  'name_with_underscore',
  'Name-Dash',
  'x~y',
];

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function randomValue(random: () => number): string {
  const parts = 1 + Math.floor(random() * 3);
  let value = '';
  for (let i = 0; i < parts; i++) value += pick(random, PIECES);
  return value;
}

export function randomParams(random: () => number): Record<string, string> {
  const params: Record<string, string> = {};
  const count = Math.floor(random() * 7);
  for (let i = 0; i < count; i++) params[pick(random, NAMES)] = randomValue(random);
  return params;
}
