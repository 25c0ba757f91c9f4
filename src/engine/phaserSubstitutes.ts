/**
 * Phaser modules the build replaces where one of Phaser's own modules imports them, because the game never reaches
 * them although Phaser's boot imports them anyway (a table of every render node, every filter, every texture atlas
 * format; an animation manager that every game makes). Each stand-in fails at its first use, naming what was left
 * out (src/engine/absentPhaser.ts); tests/browser/engine.test.ts fails when the game's code uses a Phaser member that
 * leads to one (`reachedBy`), and the browser tests fail on the error if the game reaches one some other way.
 *
 * Adding a part back: take its module out of its entry here (for a render node, add it to RENDER_NODES_DRAWN).
 */

/** How a replaced module is stood in for. */
export type StandIn =
  /** A function or class: calling it or `new` throws. */
  | { kind: 'absent' }
  /** A namespace of which only `kept` (member → module, from phaser/src) is there; reading another member throws. */
  | { kind: 'namespace'; kept: Readonly<Record<string, string>> }
  /**
   * A class Phaser makes at boot: `new` works, `chained` methods return the instance, `ignored` ones do nothing,
   * reading any other member throws.
   */
  | { kind: 'inert'; chained?: readonly string[]; ignored?: readonly string[] };

export interface PhaserSubstitute {
  /** What is left out, as the stand-in's error names it. */
  feature: string;
  /** The modules (from phaser/src) whose imports are replaced. */
  importers: readonly string[];
  /** Which of their imports (modules from phaser/src) are replaced. */
  replaces: (module: string) => boolean;
  standIn: StandIn;
  /**
   * Members of Phaser's types that lead to the part left out: `Type` (any member), `Type.member`, or `*.member`
   * (the member on any of Phaser's types, as mixins are declared on each class).
   */
  reachedBy: readonly string[];
}

/**
 * The render nodes the game's objects draw with (images, text, graphics, shapes and containers through the
 * cameras), as a round, the class screens and the title make them; Phaser constructs the ones a game object
 * or camera asks for by name, and the texture manager's tile sprite asks for the tile-sprite nodes at boot.
 */
export const RENDER_NODES_DRAWN: readonly string[] = [
  'BatchHandlerQuad',
  'BatchHandlerQuadSingle',
  'BatchHandlerTriFlat',
  'Camera',
  'DrawLine',
  'FillCamera',
  'FillPath',
  'FillRect',
  'FillTri',
  'ListCompositor',
  'StrokePath',
  'SubmitterQuad',
  'TexturerImage',
  'TransformerImage',
];

const RENDER_NODES_DIR = 'renderer/webgl/renderNodes/';
const moduleName = (module: string) => module.slice(module.lastIndexOf('/') + 1).replace(/\.js$/, '');

/** Any use of filters (masks are filters in Phaser 4): the filter lists, their controllers and render nodes. */
const FILTER_USES = [
  'Phaser.GameObjects.Components.FilterList',
  'Phaser.GameObjects.Components.Filters',
  '*.enableFilters',
  '*.filters',
  '*.filterCamera',
];

export const PHASER_SUBSTITUTES: readonly PhaserSubstitute[] = [
  {
    // The batch handlers read only the renderer's events from it; the whole namespace would bring every render
    // node, wrapper and shader Phaser has.
    feature: 'Phaser.Renderer beyond its events',
    importers: [`${RENDER_NODES_DIR}BatchHandler.js`],
    replaces: (module) => module === 'renderer/index.js',
    standIn: { kind: 'namespace', kept: { Events: 'renderer/events/index.js' } },
    reachedBy: [],
  },
  {
    feature: 'the render nodes none of the game’s objects draw with (filters, lights, tilemaps, ropes, meshes…)',
    importers: [`${RENDER_NODES_DIR}RenderNodeManager.js`],
    replaces: (module) => module.startsWith(RENDER_NODES_DIR) && !RENDER_NODES_DRAWN.includes(moduleName(module)),
    standIn: { kind: 'absent' },
    reachedBy: [...FILTER_USES, 'Phaser.GameObjects.Components.Lighting', '*.setLighting', '*.setRenderNodes'],
  },
  {
    feature: 'filters',
    importers: ['gameobjects/components/FilterList.js'],
    replaces: (module) => module.startsWith('filters/'),
    standIn: { kind: 'absent' },
    reachedBy: FILTER_USES,
  },
  {
    feature: 'animations',
    importers: ['core/Game.js'],
    replaces: (module) => module === 'animations/AnimationManager.js',
    standIn: { kind: 'inert' },
    reachedBy: [
      'Phaser.Animations.AnimationManager',
      'Phaser.Animations.AnimationState',
      'Phaser.Game.anims',
      'Phaser.Scene.anims',
      'Phaser.Scenes.Systems.anims',
    ],
  },
  {
    feature: 'dynamic textures',
    importers: ['textures/TextureManager.js'],
    replaces: (module) => module === 'textures/DynamicTexture.js',
    standIn: { kind: 'absent' },
    reachedBy: [
      'Phaser.Textures.DynamicTexture',
      'Phaser.Textures.TextureManager.addDynamicTexture',
      'Phaser.GameObjects.RenderTexture',
    ],
  },
  {
    // Made at boot for dynamic textures' `repeat`; a tile sprite would bring its render nodes and animations.
    feature: 'the texture manager’s tile sprite (for repeating in dynamic textures)',
    importers: ['textures/TextureManager.js'],
    replaces: (module) => module === 'gameobjects/tilesprite/TileSprite.js',
    standIn: { kind: 'inert', chained: ['setOrigin'] },
    reachedBy: ['Phaser.GameObjects.TileSprite', 'Phaser.Textures.TextureManager.resetTileSprite'],
  },
  {
    // The game draws its textures itself: canvases (text, generated textures) and Phaser's base64 images at boot.
    feature: 'texture atlas and sprite sheet parsers',
    importers: ['textures/TextureManager.js'],
    replaces: (module) => module === 'textures/parsers/index.js',
    standIn: { kind: 'namespace', kept: { Canvas: 'textures/parsers/Canvas.js', Image: 'textures/parsers/Image.js' } },
    reachedBy: [
      'Phaser.Textures.TextureManager.addAtlas',
      'Phaser.Textures.TextureManager.addAtlasJSONArray',
      'Phaser.Textures.TextureManager.addAtlasJSONHash',
      'Phaser.Textures.TextureManager.addAtlasPCT',
      'Phaser.Textures.TextureManager.addAtlasXML',
      'Phaser.Textures.TextureManager.addUnityAtlas',
      'Phaser.Textures.TextureManager.addSpriteSheet',
      'Phaser.Textures.TextureManager.addSpriteSheetFromAtlas',
      'Phaser.Textures.TextureManager.addCompressedTexture',
    ],
  },
  {
    // Every camera makes its six effects; the game fades, flashes, shakes, pans, rotates and zooms none. The camera
    // and its render node call these five on each effect every frame or when the camera is reset or destroyed.
    feature: 'camera effects (fade, flash, shake, pan, rotate, zoom)',
    importers: ['cameras/2d/effects/index.js'],
    replaces: (module) => module.startsWith('cameras/2d/effects/'),
    standIn: { kind: 'inert', ignored: ['preRender', 'postRenderWebGL', 'update', 'reset', 'destroy'] },
    reachedBy: [
      'Phaser.Cameras.Scene2D.Effects',
      'Phaser.Cameras.Scene2D.Camera.fadeEffect',
      'Phaser.Cameras.Scene2D.Camera.flashEffect',
      'Phaser.Cameras.Scene2D.Camera.shakeEffect',
      'Phaser.Cameras.Scene2D.Camera.panEffect',
      'Phaser.Cameras.Scene2D.Camera.rotateToEffect',
      'Phaser.Cameras.Scene2D.Camera.zoomEffect',
      'Phaser.Cameras.Scene2D.Camera.fadeIn',
      'Phaser.Cameras.Scene2D.Camera.fadeOut',
      'Phaser.Cameras.Scene2D.Camera.fadeFrom',
      'Phaser.Cameras.Scene2D.Camera.fade',
      'Phaser.Cameras.Scene2D.Camera.flash',
      'Phaser.Cameras.Scene2D.Camera.shake',
      'Phaser.Cameras.Scene2D.Camera.pan',
      'Phaser.Cameras.Scene2D.Camera.rotateTo',
      'Phaser.Cameras.Scene2D.Camera.zoomTo',
      'Phaser.Cameras.Scene2D.Camera.startFollow',
    ],
  },
  {
    // Phaser's config seeds the random generator on its Math namespace (and reads from it for random values in
    // configs). The game reads Phaser.Math from its own namespace (src/engine/phaser.js), and the engine test checks
    // every path it reads there, so no member leads here.
    feature: 'Phaser.Math beyond its random generator',
    importers: ['core/Config.js', 'utils/object/GetAdvancedValue.js'],
    replaces: (module) => module === 'math/index.js',
    standIn: {
      kind: 'namespace',
      kept: { RandomDataGenerator: 'math/random-data-generator/RandomDataGenerator.js' },
    },
    reachedBy: [],
  },
];

/** The substitute for `module` where `importer` imports it (both from phaser/src), if any. */
export function substituteFor(module: string, importer: string): PhaserSubstitute | undefined {
  return PHASER_SUBSTITUTES.find(
    (substitute) => substitute.importers.includes(importer) && substitute.replaces(module),
  );
}
