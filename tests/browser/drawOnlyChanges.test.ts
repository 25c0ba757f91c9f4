/**
 * The game draws a frame only when the screen would look different (src/engine/drawOnlyChanges.ts): a screen at
 * rest is not drawn again, yet every change, of any kind the game makes, is drawn in the frame it is made, and the
 * canvas keeps showing the screen meanwhile.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { MAX_UNDRAWN_MS } from '../../src/game/pageConstants';
import { openGame, pageErrors, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

function open(): Promise<Page> {
  return openGame(chromium.browser, `${url}?test-hooks`, { ...PHONE, deviceScaleFactor: 3 });
}

function counts(page: Page): Promise<{ stepped: number; drawn: number }> {
  return page.evaluate(() => ({ ...window.sourceCheckTest!.drawCounts! }));
}

/** Frames stepped and drawn while `ms` pass. */
async function countOver(page: Page, ms: number): Promise<{ stepped: number; drawn: number }> {
  const before = await counts(page);
  await page.waitForTimeout(ms);
  const after = await counts(page);
  return { stepped: after.stepped - before.stepped, drawn: after.drawn - before.drawn };
}

type Scene = {
  children: { list: Obj[]; getByName(name: string): Obj; bringToTop(o: Obj): void };
  add: Record<string, (...args: unknown[]) => Obj>;
  cameras: { main: Obj };
};
// Phaser's objects as the page has them, loosely: each change below calls a method the game's objects have.
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A change to the screen: given the visible scene, its first image and its first text with words. */
type Change = (scene: Scene, image: Obj, text: Obj) => void;

/**
 * Makes a change to the screen in the page, between two frames; returns how many frames the first frame after it
 * drew, and whether the screen was at rest again two frames later (nothing drawn in the third and fourth).
 */
async function drawnAfter(page: Page, change: Change): Promise<{ first: number; settled: boolean }> {
  const before = await page.evaluate(async () => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await nextFrame();
    await nextFrame();
    return window.sourceCheckTest!.drawCounts!.drawn;
  });
  await page.evaluate(`(() => {
    const scene = window.sourceCheckTest.game.scene.getScene(document.getElementById('a11y').dataset.screen);
    const list = scene.children.list;
    const image = list.find((o) => o.type === 'Image');
    const text = list.find((o) => o.type === 'Text' && o.text.length > 0);
    (${change.toString()})(scene, image, text);
  })()`);
  return page.evaluate(async (drawnBefore) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const counts = window.sourceCheckTest!.drawCounts!;
    await nextFrame();
    const first = counts.drawn - drawnBefore;
    await nextFrame();
    const second = counts.drawn;
    await nextFrame();
    await nextFrame();
    return { first, settled: counts.drawn === second };
  }, before);
}

describe('drawing only what changes', () => {
  it('steps every frame but does not draw a screen at rest, and the canvas keeps showing it', async () => {
    const page = await open();
    await page.waitForTimeout(500);
    const atRest = await countOver(page, MAX_UNDRAWN_MS * 0.8);
    expect(atRest.stepped).toBeGreaterThan(20);
    expect(atRest.drawn).toBeLessThanOrEqual(1);

    // What the screen shows after frames that drew nothing: the title, not a blank canvas.
    const shot = PNG.sync.read(await page.locator('#game canvas').screenshot());
    const colours = new Set<number>();
    for (let i = 0; i < shot.data.length; i += 4 * 7) colours.add(shot.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(50);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('draws a screen left alone again within the longest undrawn time', async () => {
    const page = await open();
    const { drawn } = await countOver(page, MAX_UNDRAWN_MS * 2.5);
    expect(drawn).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('draws every kind of change in the frame it is made', async () => {
    const page = await open();
    // A value of an object's own: position, alpha, visibility, tint, scale.
    const changes: [string, Change][] = [
      ['moved', (_scene, image) => (image.x += 1)],
      ['faded', (_scene, image) => image.setAlpha(0.5)],
      ['hidden', (_scene, image) => image.setVisible(false)],
      ['shown', (_scene, image) => image.setVisible(true)],
      ['tinted', (_scene, image) => image.setTint(0xff0000)],
      ['scaled', (_scene, image) => image.setScale(1.01)],
      // A text drawn again (its texture uploaded), and in a new colour.
      ['new words', (_scene, _image, text) => text.setText('Changed')],
      ['new colour', (_scene, _image, text) => text.setColor('#ff0000')],
      // A texture swapped, an object added, changed and removed, the draw order changed, a graphics drawn.
      ['texture swapped', (_scene, image) => image.setTexture('__WHITE')],
      ['added', (scene) => scene.add.rectangle!(10, 10, 20, 20, 0xff0000).setName('added')],
      ['refilled', (scene) => scene.children.getByName('added').setFillStyle(0x00ff00)],
      ['removed', (scene) => scene.children.getByName('added').destroy()],
      ['brought to top', (scene, image) => scene.children.bringToTop(image)],
      ['graphics', (scene) => scene.add.graphics!().fillStyle(0xff0000).fillRect(0, 0, 5, 5).setName('g')],
      ['graphics drawn on', (scene) => scene.children.getByName('g').fillRect(10, 0, 5, 5)],
      // A container's child, the camera.
      ['container', (scene) => scene.add.container!(0, 0, [scene.add.rectangle!(0, 0, 4, 4, 0xffffff)]).setName('c')],
      ['child moved', (scene) => (scene.children.getByName('c').list[0].y += 3)],
      ['scrolled', (scene) => (scene.cameras.main.scrollY += 1)],
      ['background', (scene) => scene.cameras.main.setBackgroundColor(0x222222)],
    ];
    for (const [name, change] of changes) {
      expect([name, await drawnAfter(page, change)]).toEqual([name, { first: 1, settled: true }]);
    }
    // A tween runs for a while: each of its frames is drawn.
    const tween = await drawnAfter(page, (scene, image) =>
      (scene as unknown as Obj).tweens.add({ targets: image, alpha: 0.2, duration: 300 }),
    );
    expect(tween.first).toBeGreaterThanOrEqual(1);
    expect(tween.settled).toBe(false);
    // Nothing changed: nothing drawn (the tween is over by now).
    await page.waitForTimeout(400);
    expect(await drawnAfter(page, () => undefined)).toEqual({ first: 0, settled: true });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('draws the countdown on the half second and nothing else while a question waits', async () => {
    const page = await open();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.waitForTimeout(300);
    const asked = await countOver(page, 3000);
    // Two moves of the ring a second (one with the number), give or take a frame at either end.
    expect(asked.drawn).toBeGreaterThanOrEqual(5);
    expect(asked.drawn).toBeLessThanOrEqual(7);
    expect(asked.stepped).toBeGreaterThan(90);
    await page.context().close();
  });
});
