/**
 * The game ships a trimmed Phaser (src/engine/phaser.js). Every part of Phaser the game's code uses, as TypeScript
 * finds it, must exist in the Phaser the build ships: a namespace path it reads, a factory it calls
 * (`this.add.circle`), a scene plugin it uses (`this.tweens`). A part the trimmed build leaves out fails here
 * instead of on a player's screen.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openGame, pageErrors, PHONE } from './game';
import { findPhaserUses, type PhaserUses } from './phaserUses';
import { PHASER_SUBSTITUTES, RENDER_NODES_DRAWN } from '../../src/engine/phaserSubstitutes';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
let page: Page;
let uses: PhaserUses;

/**
 * Phaser's types whose members are put in place at run time (scene plugins, registered factories, the game's
 * managers), each with where a live one is found from the title scene. The members of any other type come with
 * its class, which one of these or a namespace path brings in.
 */
const LIVE_OBJECTS: Record<string, string> = {
  'Phaser.Game': 'scene.game',
  'Phaser.Scene': 'scene',
  'Phaser.Scenes.Systems': 'scene.sys',
  'Phaser.Scenes.ScenePlugin': 'scene.scene',
  'Phaser.Scenes.SceneManager': 'scene.game.scene',
  'Phaser.GameObjects.GameObjectFactory': 'scene.add',
  'Phaser.GameObjects.GameObjectCreator': 'scene.make',
  'Phaser.Input.InputPlugin': 'scene.input',
  'Phaser.Time.Clock': 'scene.time',
  'Phaser.Tweens.TweenManager': 'scene.tweens',
  'Phaser.Cameras.Scene2D.CameraManager': 'scene.cameras',
  'Phaser.Scale.ScaleManager': 'scene.scale',
  'Phaser.Textures.TextureManager': 'scene.textures',
};

beforeAll(async () => {
  uses = findPhaserUses();
  page = await openGame(chromium.browser, `${url}?test-hooks`, PHONE);
});
describe('the trimmed Phaser', () => {
  it('finds the game’s uses of Phaser', () => {
    // A finder that found nothing would pass everything below.
    expect(uses.paths.has('Phaser.Scale.FIT')).toBe(true);
    expect(uses.members.get('Phaser.GameObjects.GameObjectFactory')?.has('text')).toBe(true);
    expect(uses.members.get('Phaser.Scene')?.has('tweens')).toBe(true);
  });

  it('has every namespace path the game reads', async () => {
    const paths = [...uses.paths.keys()];
    const missing = await page.evaluate((paths) => {
      const hooks = window.sourceCheckTest!;
      return paths.filter((path) => {
        let value: unknown = hooks.phaser;
        for (const name of path.split('.').slice(1)) value = (value as Record<string, unknown> | undefined)?.[name];
        return value === undefined;
      });
    }, paths);
    expect(missing.map((path) => `${path} (${uses.paths.get(path)})`)).toEqual([]);
  });

  it('has every plugin, factory and manager member the game uses', async () => {
    const wanted = Object.entries(LIVE_OBJECTS).flatMap(([owner, where]) =>
      [...(uses.members.get(owner)?.keys() ?? [])].map((member) => ({ owner, where, member })),
    );
    expect(wanted.length).toBeGreaterThan(20);
    const missing = await page.evaluate((wanted) => {
      const scene = window.sourceCheckTest!.game.scene.getScene('title') as unknown as Record<string, unknown>;
      const live = (where: string) =>
        where
          .split('.')
          .slice(1)
          .reduce<unknown>((value, name) => (value as Record<string, unknown>)[name], scene) as object;
      return wanted
        .filter(({ where, member }) => !(member in live(where)))
        .map(({ owner, member }) => ({ owner, member }));
    }, wanted);
    expect(missing.map(({ owner, member }) => `${owner}.${member} (${uses.members.get(owner)?.get(member)})`)).toEqual(
      [],
    );
  });

  it('leaves out what the game does not use', async () => {
    const present = await page.evaluate(() => {
      const { phaser, game } = window.sourceCheckTest!;
      const namespace = phaser as unknown as Record<string, unknown>;
      const scene = game.scene.getScene('title') as unknown as Record<string, unknown>;
      return {
        physics: 'Physics' in namespace,
        tilemaps: 'Tilemaps' in namespace,
        sound: 'Sound' in namespace || game.sound != null,
        loader: 'load' in scene,
        canvasRenderer: 'CanvasRenderer' in ((namespace.Renderer as Record<string, unknown> | undefined) ?? {}),
        webgl: game.renderer.type === phaser.WEBGL,
      };
    });
    expect(present).toEqual({
      physics: false,
      tilemaps: false,
      sound: false,
      loader: false,
      canvasRenderer: false,
      webgl: true,
    });
    expect(pageErrors(page)).toEqual([]);
  });

  it('uses no member of Phaser that leads to a module the build replaces', () => {
    const reached = PHASER_SUBSTITUTES.flatMap(({ feature, reachedBy }) =>
      reachedBy.flatMap((use) => {
        const dot = use.lastIndexOf('.');
        const [owner, member] = use.startsWith('*.') ? ['*', use.slice(2)] : [use.slice(0, dot), use.slice(dot + 1)];
        const wholeType = uses.members.get(use);
        if (wholeType) return [`${use} (${[...wholeType.values()][0]}): ${feature}`];
        return [...uses.members]
          .filter(([type, members]) => (owner === '*' || type === owner) && members.has(member))
          .map(([type, members]) => `${type}.${member} (${members.get(member)}): ${feature}`);
      }),
    );
    expect(reached).toEqual([]);
  });

  it('draws only with the render nodes it keeps, and its stand-ins fail clearly where they are reached', async () => {
    const { nodes, failures } = await page.evaluate(() => {
      const { game } = window.sourceCheckTest!;
      const scene = game.scene.getScene('title')!;
      const attempt = (use: () => unknown) => {
        try {
          use();
          return 'no error';
        } catch (error) {
          return (error as Error).message;
        }
      };
      const renderNodes = (game.renderer as Phaser.Renderer.WebGL.WebGLRenderer).renderNodes;
      return {
        nodes: Object.keys((renderNodes as unknown as { _nodes: object })._nodes),
        failures: {
          filterNode: attempt(() => renderNodes.getNode('FilterBlur')),
          filter: attempt(() => scene.cameras.main.filters.internal.addBlur()),
          animation: attempt(() => game.anims.create({ key: 'spin', frames: [] })),
          dynamicTexture: attempt(() => game.textures.addDynamicTexture('drawn', 8, 8)),
          spriteSheet: attempt(() => game.textures.addSpriteSheet('sheet', new Image(), { frameWidth: 8 })),
        },
      };
    });
    expect(nodes.filter((node) => !RENDER_NODES_DRAWN.includes(node))).toEqual([]);
    expect(failures).toEqual({
      filterNode: expect.stringContaining('leaves out the render nodes none of the game’s objects draw with'),
      filter: expect.stringContaining('leaves out filters (phaser/src/filters/Blur.js)'),
      animation: expect.stringContaining(
        'leaves out animations (phaser/src/animations/AnimationManager.js), so `create`',
      ),
      dynamicTexture: expect.stringContaining('leaves out dynamic textures'),
      spriteSheet: expect.stringContaining('leaves out texture atlas and sprite sheet parsers'),
    });
  });
});
