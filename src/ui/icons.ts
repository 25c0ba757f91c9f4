/** Symbols that go with names on buttons, so a mode is told apart at a glance as well as by its name. */
// Only symbols the common system fonts draw (DejaVu, Segoe UI Symbol, Apple Symbols): an emoji-only glyph such
// as the stopwatch shows as an empty box on a machine without an emoji font.
import type { ModeId } from '../core/modes';

export const MODE_ICONS: Record<ModeId, string> = {
  classic: '◔',
  practice: '✎',
  'fact-check': '⚖',
  daily: '☀',
};
