import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssColor } from '../../src/ui/color';
import { FONT_FAMILY, FONT_FACE, STANDARD_PALETTE } from '../../src/ui/theme';

const root = join(import.meta.dirname, '..', '..');
const pageCss = readFileSync(join(root, 'src', 'ui', 'page.css'), 'utf8');

/** The custom properties set in a stylesheet's :root, by name. */
function variables(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of css.matchAll(/--([a-z0-9-]+):\s*([^;]+);/g))
    found.set(match[1]!, match[2]!.replace(/\s+/g, ' ').trim());
  return found;
}

describe('the HTML pages’ palette and typeface', () => {
  const shared = variables(pageCss);
  const { colors, text: css } = STANDARD_PALETTE;

  it('are the game’s own, from src/ui/theme.ts', () => {
    expect(Object.fromEntries(shared)).toMatchObject({
      ink: css.ink,
      'ink-light': cssColor(colors.inkLight),
      'ink-lighter': cssColor(colors.inkLighter),
      paper: css.paper,
      muted: css.muted,
      highlight: cssColor(colors.highlight),
      correct: css.correct,
      wrong: css.wrong,
      'focus-ring': css.focus,
      'control-edge': cssColor(colors.controlEdge),
      'tile-2': cssColor(colors.tiles[1]),
    });
    expect(shared.get('font-family')!.replace(/'/g, '"')).toBe(FONT_FAMILY);
    expect(pageCss).toContain(`@fontsource/${FONT_FACE.toLowerCase().replace(/ /g, '-')}/latin-400.css`);
  });

  it('are written down once: the host and teacher pages take them from page.css, with no colour of the game copied', () => {
    for (const file of ['src/host/host.css', 'src/teachers/teachers.css']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).toContain("@import '../ui/page.css';");
      expect(text).not.toContain('Atkinson');
      const own = [...variables(text).values()].concat(text.match(/#[0-9a-f]{6}\b/gi) ?? []);
      for (const [name, value] of shared) {
        if (name !== 'font-family') expect(own, `${file} repeats --${name}`).not.toContain(value);
      }
    }
  });

  it('start the game’s page in the standard palette until the player’s theme is applied', () => {
    const game = variables(readFileSync(join(root, 'src', 'style.css'), 'utf8'));
    expect([game.get('desk'), game.get('text'), game.get('focus')]).toEqual([css.ink, css.paper, css.focus]);
  });
});
