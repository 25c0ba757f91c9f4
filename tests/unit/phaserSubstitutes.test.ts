import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AbsentPhaserPartError,
  absentPhaserPart,
  inertPhaserPart,
  partialPhaserNamespace,
} from '../../src/engine/absentPhaser';
import { PHASER_SUBSTITUTES, RENDER_NODES_DRAWN, substituteFor } from '../../src/engine/phaserSubstitutes';
import { resolvePhaserRequire, trimmedPhaser } from '../../src/engine/trimmedPhaser';

const phaserSrc = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src');
const entry = join(import.meta.dirname, '..', '..', 'src', 'engine', 'phaser.js');

describe('stand-ins for the parts of Phaser the build leaves out', () => {
  it('an absent part throws when called or made, naming the part and where to add it back', () => {
    const Absent = absentPhaserPart('filters/Blur.js', 'filters') as unknown as new () => object;
    expect(() => new Absent()).toThrow(AbsentPhaserPartError);
    expect(() => new Absent()).toThrow(
      "The game's build of Phaser leaves out filters (phaser/src/filters/Blur.js); take it out of src/engine/phaserSubstitutes.ts to use it.",
    );
    expect(() => (Absent as unknown as () => void)()).toThrow('leaves out filters');
  });

  it('an inert part can be made, chained and ignored, and any other use throws naming the member', () => {
    const Inert = inertPhaserPart('gameobjects/tilesprite/TileSprite.js', 'tile sprites', ['setOrigin'], ['destroy']);
    const made = new Inert(null, 0, 0) as { setOrigin(x: number): unknown; destroy(): void; setTint(): void };
    expect(made.setOrigin(0)).toBe(made);
    expect(made.destroy()).toBeUndefined();
    expect(() => made.setTint()).toThrow(
      'leaves out tile sprites (phaser/src/gameobjects/tilesprite/TileSprite.js), so `setTint` is not there',
    );
    // Reading it as a promise or for JSON is not a use.
    expect((made as unknown as { then?: unknown }).then).toBeUndefined();
  });

  it('a partial namespace has the members kept, takes the ones Phaser sets at boot, and throws on the rest', () => {
    const kept = () => 'kept';
    const math = partialPhaserNamespace('math/index.js', 'Phaser.Math', { RandomDataGenerator: kept }) as Record<
      string,
      unknown
    >;
    expect(math.RandomDataGenerator).toBe(kept);
    math.RND = 'seeded';
    expect(math.RND).toBe('seeded');
    expect(() => math.Vector3).toThrow('leaves out Phaser.Math (phaser/src/math/index.js), so `Vector3` is not there');
  });
});

describe('the substitutes table', () => {
  it('names modules that exist in the installed Phaser', () => {
    for (const substitute of PHASER_SUBSTITUTES) {
      for (const importer of substitute.importers) expect(existsSync(join(phaserSrc, importer)), importer).toBe(true);
      if (substitute.standIn.kind === 'namespace') {
        for (const path of Object.values(substitute.standIn.kept))
          expect(existsSync(join(phaserSrc, path)), path).toBe(true);
      }
    }
    const manager = readFileSync(join(phaserSrc, 'renderer/webgl/renderNodes/RenderNodeManager.js'), 'utf8');
    for (const node of RENDER_NODES_DRAWN) expect(manager, node).toContain(`${node}: ${node},`);
  });

  it('replaces each of its modules where, and only where, a listed importer imports it', () => {
    const manager = 'renderer/webgl/renderNodes/RenderNodeManager.js';
    expect(substituteFor('renderer/webgl/renderNodes/filters/FilterBlur.js', manager)?.standIn.kind).toBe('absent');
    expect(substituteFor('renderer/webgl/renderNodes/BatchHandlerQuad.js', manager)).toBeUndefined();
    // The manager's own helpers are not render nodes.
    expect(substituteFor('utils/Class.js', manager)).toBeUndefined();
    expect(substituteFor('animations/AnimationManager.js', 'core/Game.js')?.standIn.kind).toBe('inert');
    expect(substituteFor('animations/AnimationManager.js', 'gameobjects/sprite/Sprite.js')).toBeUndefined();
    expect(substituteFor('math/index.js', 'utils/object/GetAdvancedValue.js')).toBe(
      substituteFor('math/index.js', 'core/Config.js'),
    );
  });
});

describe('the trimmed-Phaser plugin', () => {
  const plugin = trimmedPhaser(entry);
  // The hooks as Vite calls them here: plain functions (the plugin uses no plugin context).
  const resolveId = plugin.resolveId as unknown as (id: string, importer: string) => string | null;
  const load = plugin.load as unknown as (id: string) => string | null;
  const resolve = (id: string, importer: string) => resolveId(id, join(phaserSrc, importer));

  it('resolves a require as Node does: a file, with .js, or a folder’s index', () => {
    const importer = join(phaserSrc, 'core/Config.js');
    expect(resolvePhaserRequire('../math/', importer)).toBe(join(phaserSrc, 'math/index.js'));
    expect(resolvePhaserRequire('./const', join(phaserSrc, 'math/index.js'))).toBe(join(phaserSrc, 'math/const.js'));
    expect(resolvePhaserRequire('../display/color/ValueToColor', importer)).toBe(
      join(phaserSrc, 'display/color/ValueToColor.js'),
    );
  });

  it('puts one stand-in in place for every importer of a substituted module, and leaves the rest to Vite', () => {
    const fromConfig = resolve('../math/', 'core/Config.js');
    expect(fromConfig).toMatch(/^\0source-check-phaser-substitute:\d+:math\/index\.js$/);
    expect(resolve('../../math/', 'utils/object/GetAdvancedValue.js')).toBe(fromConfig);
    expect(resolve('./BatchHandlerQuad', 'renderer/webgl/renderNodes/RenderNodeManager.js')).toBeNull();
    expect(resolve('../../math/', 'geom/line/Line.js')).toBeNull();

    const source = load(fromConfig ?? '');
    expect(source).toContain('module.exports = standIns.partialPhaserNamespace("math/index.js"');
    expect(source).toContain(
      `"RandomDataGenerator": require(${JSON.stringify(join(phaserSrc, 'math/random-data-generator/RandomDataGenerator.js'))})`,
    );
  });
});
