import type Phaser from 'phaser';
import type { Rect } from './layout';
import { addText } from './text';
import { LAYOUT, paletteOf } from './theme';
import { translatorOf } from './pageLanguage';

export { NO_SOURCE_LABEL, NO_SOURCE_TEXT } from './noSourceText';

/** Length of a dash and of the space after it, in game pixels. */
const DASH = { on: 14, off: 9 } as const;

/**
 * Where the excerpt card would be, for a teacher's question that quotes no source: an empty, dashed outline
 * saying plainly that no source was given, so the missing excerpt is seen rather than silently skipped.
 */
export class NoSourceCard {
  readonly objects: Phaser.GameObjects.GameObject[] = [];
  readonly height: number;
  /** Nothing to scroll: the card's text is short. */
  scrollBy: (delta: number) => void = () => {};

  constructor(scene: Phaser.Scene, space: Rect, fontSize: number) {
    const pad = Math.round(fontSize * 0.8);
    const { t } = translatorOf(scene);
    const label = addText(scene, space.x + pad, space.y + pad, t('play:noSource.label'), {
      size: Math.round(fontSize * 1.05),
      bold: true,
      color: paletteOf(scene).text.wrong,
    });
    const bodyY = label.y + label.height + pad * 0.5;
    const body = addText(scene, space.x + pad, bodyY, t('play:noSource.text'), {
      size: Math.max(14, Math.round(fontSize * 0.8)),
      color: paletteOf(scene).text.paper,
      wrapWidth: space.width - pad * 2,
      fit: { maxHeight: space.height - (bodyY - space.y) - pad, minSize: 13 },
    });
    this.height = Math.min(space.height, body.y - space.y + body.height + pad);
    const g = scene.add.graphics();
    g.fillStyle(paletteOf(scene).colors.inkLight, 1).fillRoundedRect(
      space.x,
      space.y,
      space.width,
      this.height,
      LAYOUT.cornerRadius,
    );
    g.lineStyle(3, paletteOf(scene).colors.wrong, 1);
    dashedRect(g, { x: space.x, y: space.y, width: space.width, height: this.height });
    label.setDepth(1);
    body.setDepth(1);
    this.objects.push(g, label, body);
  }
}

/** A rectangle's outline in dashes (corners left open, like a cut-out clipping that is missing). */
function dashedRect(g: Phaser.GameObjects.Graphics, rect: Rect): void {
  const inset = LAYOUT.cornerRadius;
  const { x, y, width, height } = rect;
  const lines: [number, number, number, number][] = [
    [x + inset, y, x + width - inset, y],
    [x + inset, y + height, x + width - inset, y + height],
    [x, y + inset, x, y + height - inset],
    [x + width, y + inset, x + width, y + height - inset],
  ];
  for (const [x1, y1, x2, y2] of lines) {
    const length = Math.hypot(x2 - x1, y2 - y1);
    for (let at = 0; at < length; at += DASH.on + DASH.off) {
      const end = Math.min(length, at + DASH.on);
      g.lineBetween(
        x1 + ((x2 - x1) * at) / length,
        y1 + ((y2 - y1) * at) / length,
        x1 + ((x2 - x1) * end) / length,
        y1 + ((y2 - y1) * end) / length,
      );
    }
  }
}
