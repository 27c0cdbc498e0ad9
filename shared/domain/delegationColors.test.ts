import { describe, expect, it } from 'vitest';
import { DELEGATION_COLORS, ORGANISER_COLOR } from './delegationColors.ts';

type Rgb = [number, number, number];

const parse = (hex: string): Rgb => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as Rgb;

/** WCAG 2.2 relative luminance of an sRGB colour (0–255 channels). */
function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio, from 1 to 21. */
function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color-mix(in srgb, colour share%, transparent)` drawn over white: what a comment highlight looks like. */
const tint = (color: Rgb, share: number): Rgb => color.map((channel) => Math.round(channel * share + 255 * (1 - share))) as Rgb;

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const INK = parse('#1f2937'); // --ink, the interface's and the document's text colour

describe.each([...DELEGATION_COLORS, ORGANISER_COLOR])('colour %s', (hex) => {
  const color = parse(hex);

  it('passes WCAG AA (4.5:1) as text on white, and for white text on it (caret name labels)', () => {
    expect(contrast(color, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps black and the ink colour readable (4.5:1) on its 15% tint (comment highlight) and 30% tint (active one)', () => {
    for (const share of [0.15, 0.3]) {
      expect(contrast(BLACK, tint(color, share))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(INK, tint(color, share))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the palette', () => {
  it('has no duplicates', () => {
    expect(new Set(DELEGATION_COLORS).size).toBe(DELEGATION_COLORS.length);
  });
});
