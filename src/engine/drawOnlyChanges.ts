/**
 * Drawing a frame only when the screen would look different. Phaser clears and draws every visible object every
 * frame; on most screens nothing moves for seconds at a time (a question waits for its answer, a reveal is read),
 * and in software rendering (a school laptop without a GPU driver, a phone's canvas of two million pixels) that
 * repeated drawing is the whole cost of a frame: on a phone at a device pixel ratio of 3 every frame of the
 * question screen took two vsyncs. The game still steps every frame (input, tweens, timers, the countdown); what it
 * skips is the draw, and a canvas that is not drawn keeps showing its last frame.
 *
 * Whether the screen would look different is read from the state that drawing reads: which scenes are drawn, each
 * camera's own values, and every displayed object's own values, in display order (positions, scales,
 * alphas, tints, frames, text, a graphics' commands…), plus every texture upload (a text drawn again, a canvas
 * texture refreshed), a texture added or removed, the canvas resized and the page shown again.
 */
import Phaser from 'phaser';
import { MAX_UNDRAWN_MS } from '../game/pageConstants';

/** What the game's loop did, for tests and the benchmark: frames stepped and frames drawn since it started. */
export interface DrawCounts {
  stepped: number;
  drawn: number;
}

/**
 * Renderer methods that upload pixels to a texture or delete one: after any of them a drawn texture may look
 * different.
 */
const TEXTURE_UPLOADS = [
  'canvasToTexture',
  'createCanvasTexture',
  'updateCanvasTexture',
  'createTextureFromSource',
  'videoToTexture',
  'createVideoTexture',
  'updateVideoTexture',
  'deleteTexture',
] as const;

type Value = string | number | boolean | null | undefined;

/** The values a frame is drawn from, flattened; two equal readings draw the same picture. */
class StateReading {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  values: Value[] = [];

  /** A number naming an object for as long as it lives: the reading sees when a reference is swapped. */
  idOf(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) {
      id = this.nextId;
      this.nextId += 1;
      this.ids.set(object, id);
    }
    return id;
  }

  /** An object's own values: primitives as they are, objects by identity, arrays of primitives whole. */
  readOwn(object: object, skip?: ReadonlySet<string>): void {
    const values = this.values;
    // Own keys only: Phaser's components put getters on prototypes, and reading those could run code.
    for (const key of Object.keys(object)) {
      if (skip?.has(key)) continue;
      const value = (object as Record<string, unknown>)[key];
      switch (typeof value) {
        case 'number':
        case 'string':
        case 'boolean':
        case 'undefined':
          values.push(value);
          break;
        case 'object':
          if (value === null) values.push(null);
          else if (Array.isArray(value)) this.readArray(value);
          else values.push(this.idOf(value));
          break;
        default:
          // Functions and symbols are behaviour, not looks.
          break;
      }
    }
  }

  private readArray(array: readonly unknown[]): void {
    const values = this.values;
    values.push(array.length);
    for (const item of array) {
      if (item !== null && typeof item === 'object') values.push(this.idOf(item));
      else if (typeof item !== 'function' && typeof item !== 'symbol') values.push(item as Value);
    }
  }
}

/** Keys whose values change without changing the picture (a container's children are read one by one). */
const SKIPPED_KEYS = new Set(['list', 'input', 'body', 'data']);

function readObject(reading: StateReading, object: Phaser.GameObjects.GameObject): void {
  reading.values.push(reading.idOf(object));
  reading.readOwn(object, SKIPPED_KEYS);
  const children = (object as { list?: unknown }).list;
  if (Array.isArray(children)) {
    reading.values.push(children.length);
    for (const child of children as Phaser.GameObjects.GameObject[]) readObject(reading, child);
  }
}

/** What a camera drew or culled last is made by drawing, not read by it (else every change drew twice). */
const CAMERA_SKIPPED_KEYS = new Set(['renderList', 'culledObjects']);

function readCamera(reading: StateReading, camera: Phaser.Cameras.Scene2D.Camera): void {
  reading.values.push(reading.idOf(camera));
  reading.readOwn(camera, CAMERA_SKIPPED_KEYS);
  // Camera effects (fade, flash, shake…) are not in the game's build of Phaser (src/engine/phaserSubstitutes.ts).
  reading.values.push(camera.backgroundColor.color32);
}

/** Reads what Phaser's SceneManager.render would draw, in the order it would draw it. */
function readScreen(reading: StateReading, game: Phaser.Game): void {
  for (const scene of game.scene.scenes) {
    const { settings } = scene.sys;
    if (!settings.visible || settings.status < Phaser.Scenes.LOADING || settings.status >= Phaser.Scenes.SLEEPING) {
      continue;
    }
    reading.values.push(reading.idOf(scene));
    for (const camera of scene.cameras.cameras) readCamera(reading, camera);
    const list = scene.sys.displayList.list;
    reading.values.push(list.length);
    for (const object of list) readObject(reading, object);
  }
}

function sameValues(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    // Object.is: NaN equals NaN (an unset size), so it does not count as a change every frame.
    if (!Object.is(a[i], b[i])) return false;
  }
  return true;
}

/**
 * Takes over the game's loop callback so that each frame steps the game as Phaser does and draws only when the
 * screen would look different. Call on Phaser's READY (or later). Returns live counts.
 */
export function drawOnlyChanges(game: Phaser.Game, now: () => number = () => performance.now()): DrawCounts {
  const counts: DrawCounts = { stepped: 0, drawn: 0 };
  const renderer = game.renderer;
  let changed = true;
  const markChanged = () => {
    changed = true;
  };
  const rendererMethods = renderer as unknown as Record<string, unknown>;
  for (const name of TEXTURE_UPLOADS) {
    const method = rendererMethods[name];
    if (typeof method !== 'function') continue;
    rendererMethods[name] = function (this: unknown, ...args: unknown[]) {
      changed = true;
      return (method as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  game.textures.on(Phaser.Textures.Events.ADD, markChanged);
  game.textures.on(Phaser.Textures.Events.REMOVE, markChanged);
  // The scale manager resizes the renderer, and a resized canvas is blank.
  game.scale.on(Phaser.Scale.Events.RESIZE, markChanged);
  game.events.on(Phaser.Core.Events.VISIBLE, markChanged);
  game.canvas.addEventListener('webglcontextrestored', markChanged);

  const reading = new StateReading();
  let drawnValues: Value[] = [];
  let lastDrawn = -Infinity;

  // Members Phaser's own step reads that its types leave out.
  const engine = game as unknown as { pendingDestroy: boolean; runDestroy: () => void };
  const scenes = game.scene as unknown as { isProcessing: boolean };
  const step = (time: number, delta: number) => {
    if (engine.pendingDestroy) {
      engine.runDestroy();
      return;
    }
    if (game.isPaused) return;
    counts.stepped += 1;
    // Phaser.Game#step, with the draw made conditional.
    const events = game.events;
    events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
    events.emit(Phaser.Core.Events.STEP, time, delta);
    game.scene.update(time, delta);
    events.emit(Phaser.Core.Events.POST_STEP, time, delta);

    // Two arrays in turn, the drawn frame's and this one's, so a frame's reading makes no garbage.
    reading.values.length = 0;
    readScreen(reading, game);
    const snapshotWanted = Boolean((renderer as { snapshotState?: { callback?: unknown } }).snapshotState?.callback);
    const stamp = now();
    if (!changed && !snapshotWanted && stamp - lastDrawn < MAX_UNDRAWN_MS && sameValues(reading.values, drawnValues)) {
      // Phaser's scene manager ends its frame in render(); scene changes asked for until the next step are queued.
      scenes.isProcessing = false;
      return;
    }
    changed = false;
    const spare = drawnValues;
    drawnValues = reading.values;
    reading.values = spare;
    lastDrawn = stamp;
    counts.drawn += 1;
    renderer.preRender();
    events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
    game.scene.render(renderer);
    renderer.postRender();
    events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
  };
  // Phaser starts its loop with `game.step` just after READY; a loop already running is handed the new step.
  game.step = step;
  if (game.isRunning) game.loop.callback = step;
  return counts;
}
