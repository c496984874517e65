// What the style sheets promise for accessibility, read from the CSS itself: a focus ring with
// ≥ 3:1 contrast where it is drawn (WCAG 1.4.11), and no motion for people who ask for less.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const styles = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');
const cssFiles = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.css')).map((f) => join(SRC, f));

/** A custom property of :root, e.g. `--bg`. */
function variable(name: string): string {
  const m = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(styles);
  if (!m) throw new Error(`${name} is not a six-digit colour in styles.css`);
  return m[1]!;
}

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the focus ring', () => {
  it('is drawn in --focus, with at least 3:1 against the page, the cards, the warning and info boxes and the video tiles', () => {
    expect(styles).toMatch(/:focus-visible\s*\{\s*outline:\s*3px solid var\(--focus\)/);
    const focus = variable('--focus');
    for (const background of [variable('--bg'), variable('--card'), variable('--warn-bg'), '#e3effb', '#111111']) {
      expect(contrast(focus, background), `${focus} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('turns to --focus-on-dark on the dark broadcast bar, again with at least 3:1', () => {
    expect(styles).toMatch(/\.broadcast :focus-visible\s*\{\s*outline-color:\s*var\(--focus-on-dark\)/);
    const bar = /\.broadcast \{[^}]*background:\s*(#[0-9a-fA-F]{6})/.exec(styles)![1]!;
    expect(contrast(variable('--focus-on-dark'), bar)).toBeGreaterThanOrEqual(3);
  });
});

describe('prefers-reduced-motion', () => {
  it('stops every animation and transition of the app from one rule in the main style sheet', () => {
    const block = /@media \(prefers-reduced-motion: reduce\) \{\s*\*, \*::before, \*::after \{([^}]*)\}/.exec(styles);
    expect(block, 'the universal reduced-motion rule').not.toBeNull();
    for (const d of ['animation-duration: 0.01ms !important', 'animation-iteration-count: 1 !important', 'transition-duration: 0.01ms !important']) expect(block![1]).toContain(d);
  });

  it('is answered in every style sheet that animates, and nothing overrides it with !important', () => {
    for (const file of cssFiles) {
      const css = readFileSync(file, 'utf8');
      if (/(^|[;{\s])(animation|transition)\s*:\s*(?!none)/m.test(css)) expect(css, file).toMatch(/@media \(prefers-reduced-motion: reduce\)/);
      const important = [...css.matchAll(/(animation|transition)[a-z-]*\s*:[^;}]*!important/g)].map((m) => m[0]);
      if (!file.endsWith('styles.css')) expect(important, file).toEqual([]);
    }
  });
});

describe('targets on a phone', () => {
  const phone = readFileSync(join(import.meta.dirname, 'phone.css'), 'utf8');
  const remOf = (rule: RegExp, property: string) => {
    const body = rule.exec(phone)?.[1] ?? '';
    const m = new RegExp(`(?:^|[;\\s])${property}:\\s*([0-9.]+)rem`).exec(body);
    return m ? Number(m[1]) : 0;
  };

  it('makes every check box at least 24 × 24 px (WCAG 2.5.8), unsqueezable beside a long label', () => {
    const rule = /\.field-check input\[type='checkbox'\]\s*\{([^}]*)\}/;
    expect(remOf(rule, 'width') * 16).toBeGreaterThanOrEqual(24);
    expect(remOf(rule, 'height') * 16).toBeGreaterThanOrEqual(24);
    expect(remOf(rule, 'min-width') * 16).toBeGreaterThanOrEqual(24);
    expect(rule.exec(phone)![1]).toMatch(/flex:\s*none/);
  });

  it('is loaded after the main style sheet, so its rules win', () => {
    const main = readFileSync(join(import.meta.dirname, 'main.tsx'), 'utf8');
    expect(main.indexOf("import './phone.css';")).toBeGreaterThan(main.indexOf("import './styles.css';"));
  });
});
