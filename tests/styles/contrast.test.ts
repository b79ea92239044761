// WCAG AA for text: every text colour of both themes against every surface text sits on, read
// from the stylesheet's tokens, reaches 4.5:1 (small text: tile facts, sidebar heading, details
// labels, the item count all use the tertiary colour).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../renderer/src/styles/tokens.css', import.meta.url), 'utf8');

function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  const block = css.slice(start, css.indexOf('}', start));
  const found: Record<string, string> = {};
  for (const match of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) {
    found[match[1]!] = match[2]!;
  }
  return found;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = ['text-primary', 'text-secondary', 'text-tertiary', 'accent-hover', 'danger'];
const SURFACES = ['bg-app', 'bg-sidebar', 'bg-panel', 'bg-raised', 'bg-hover', 'bg-input'];

describe('text contrast (WCAG AA, 4.5:1)', () => {
  it('computes ratios the way WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [theme, selector] of [
    ['dark', ':root {'],
    ['light', ":root[data-theme='light'] {"],
  ] as const) {
    it(`holds for every text colour on every surface in the ${theme} theme`, () => {
      const dark = tokens(':root {');
      const values = theme === 'dark' ? dark : { ...dark, ...tokens(selector) };
      const failures: string[] = [];
      for (const text of TEXT) {
        for (const surface of SURFACES) {
          const ratio = contrast(values[text]!, values[surface]!);
          if (ratio < 4.5) failures.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
