/**
 * Drawing at the device's pixel density. The game lays every screen out in game pixels (480 wide on a phone, 1280
 * on a wider screen) and the browser scales the canvas to fit; a canvas of that size, stretched over a phone's
 * 1170 device pixels, was soft everywhere. The canvas now has `renderScale` canvas pixels per game pixel, each
 * scene's camera zooms by as much, and the layout stays in game pixels.
 */
import type Phaser from 'phaser';

/**
 * The most canvas pixels drawn per game pixel. Above 2 the canvas's pixel count, and with it the cost of every
 * frame in software rendering (a school laptop without a GPU driver), grows with the square of the scale, while
 * text 16 game pixels high already has 32 device pixels: a phone at a device pixel ratio of 3 (2.4 device pixels
 * per game pixel at 390 CSS pixels wide) draws at 2 and the browser scales the last 1.2 times.
 */
export const MAX_RENDER_SCALE = 2;
/** Scales are kept to eighths, so 480 and 1280 game pixels make whole canvas pixels. */
const SCALE_STEP = 8;

/**
 * Canvas pixels per game pixel for a game of `game` size fitted into a parent of `css` size on a screen with
 * `devicePixelRatio` device pixels per CSS pixel: as many as the screen shows, from 1 to MAX_RENDER_SCALE.
 */
export function renderScaleFor(
  css: { width: number; height: number },
  game: { width: number; height: number },
  devicePixelRatio: number,
): number {
  const cssPerGamePixel = Math.min(css.width / game.width, css.height / game.height);
  const wanted = (Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1) * cssPerGamePixel;
  if (!Number.isFinite(wanted) || wanted <= 1) return 1;
  // Rounded down: a canvas a little smaller than the screen shows costs less and looks the same.
  return Math.min(MAX_RENDER_SCALE, Math.max(1, Math.floor(wanted * SCALE_STEP) / SCALE_STEP));
}

/** The game's size in game pixels and the canvas pixels drawn for each. */
export interface View {
  width: number;
  height: number;
  renderScale: number;
}

const VIEW_KEY = 'view';

/** The canvas size for a view. */
export function canvasSizeOf(view: View): { width: number; height: number } {
  return { width: Math.round(view.width * view.renderScale), height: Math.round(view.height * view.renderScale) };
}

/** Records the view the game's canvas was sized for (main.ts, before a screen is built). */
export function setView(game: Phaser.Game, view: View): void {
  game.registry.set(VIEW_KEY, view);
}

/** The view of the game `scene` is in: game pixels, not canvas pixels. */
export function viewOf(scene: Phaser.Scene): View {
  return (
    (scene.registry.get(VIEW_KEY) as View | undefined) ?? {
      width: scene.scale.width,
      height: scene.scale.height,
      renderScale: 1,
    }
  );
}

/** CSS pixels per game pixel, as the canvas is shown now (0 before the canvas is laid out). */
export function cssPerGamePixel(scene: Phaser.Scene): number {
  const canvasPerCss = scene.scale.displayScale.x;
  return canvasPerCss > 0 ? viewOf(scene).renderScale / canvasPerCss : 0;
}

/** Makes the scene's camera draw game pixels at the view's scale, from the top left corner. */
export function zoomCamera(scene: Phaser.Scene): void {
  const { renderScale } = viewOf(scene);
  scene.cameras.main.setOrigin(0, 0).setZoom(renderScale);
}

/** A pointer's position in game pixels (Phaser gives it in canvas pixels). */
export function pointerInGame(scene: Phaser.Scene, pointer: Phaser.Input.Pointer): { x: number; y: number } {
  const { renderScale } = viewOf(scene);
  return { x: pointer.x / renderScale, y: pointer.y / renderScale };
}

/** The smallest text a phone shows, in CSS pixels: citations and card labels are never smaller. */
export const MIN_SMALL_TEXT_CSS_PX = 12;

/** The font size in game pixels that the screen shows at `cssPx` CSS pixels or more. */
export function gamePixelsForCss(scene: Phaser.Scene, cssPx: number): number {
  const perGamePixel = cssPerGamePixel(scene);
  return perGamePixel > 0 ? Math.ceil(cssPx / perGamePixel) : cssPx;
}
