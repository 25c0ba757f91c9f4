/**
 * The part of Phaser the game uses, built from Phaser's own modules (the way Phaser's custom builds are made: its
 * `phaser-core.js` entry, trimmed). The Vite build puts this module where `import Phaser from 'phaser'` would load
 * the whole engine (`src/engine/trimmedPhaser.ts`), and fixes Phaser's build flags at build time: WebGL only, no
 * Canvas renderer, no sound (Howler plays it), no debug hooks. The game is still type-checked against Phaser's own
 * types; tests/browser/engine.test.ts fails when the game calls a part of Phaser that is not listed here. Some
 * modules that Phaser's boot imports although the game never reaches them (every render node and filter, texture
 * atlas parsers, animations) are replaced by stand-ins that throw when used (`src/engine/phaserSubstitutes.ts`).
 *
 * Adding a part: import its module below (a game object needs its factory too, which registers `scene.add.…`), and
 * take it out of the substitutes if it is one of them.
 */
import CONST from 'phaser/src/const.js';
import Extend from 'phaser/src/utils/object/Extend.js';

import CoreEvents from 'phaser/src/core/events/index.js';
import Game from 'phaser/src/core/Game.js';
import Scene from 'phaser/src/scene/Scene.js';
import SceneConst from 'phaser/src/scene/const.js';
import SceneEvents from 'phaser/src/scene/events/index.js';
import TextureEvents from 'phaser/src/textures/events/index.js';
import Scale from 'phaser/src/scale/index.js';

// The plugins every scene gets: each registers itself with Phaser's plugin cache when its module runs. Left out:
// the loader (the game draws its own textures), the scene data manager (`scene.data`) and lights.
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/scene/ScenePlugin.js';
import 'phaser/src/time/Clock.js';
import 'phaser/src/tweens/TweenManager.js';
import InputPlugin from 'phaser/src/input/InputPlugin.js';
import Pointer from 'phaser/src/input/Pointer.js';
import 'phaser/src/input/keyboard/KeyboardPlugin.js';

import GameObject from 'phaser/src/gameobjects/GameObject.js';
import Components from 'phaser/src/gameobjects/components/index.js';
import GameObjectFactory from 'phaser/src/gameobjects/GameObjectFactory.js';
import GameObjectCreator from 'phaser/src/gameobjects/GameObjectCreator.js';
import Container from 'phaser/src/gameobjects/container/Container.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser/src/gameobjects/graphics/GraphicsCreator.js';
import Image from 'phaser/src/gameobjects/image/Image.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import Arc from 'phaser/src/gameobjects/shape/arc/Arc.js';
import 'phaser/src/gameobjects/shape/arc/ArcFactory.js';
import Rectangle from 'phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import Text from 'phaser/src/gameobjects/text/Text.js';
import 'phaser/src/gameobjects/text/TextFactory.js';
import GetTextSize from 'phaser/src/gameobjects/text/GetTextSize.js';
import MeasureText from 'phaser/src/gameobjects/text/MeasureText.js';
import Zone from 'phaser/src/gameobjects/zone/Zone.js';
import 'phaser/src/gameobjects/zone/ZoneFactory.js';

import Color from 'phaser/src/display/color/index.js';
import Circle from 'phaser/src/geom/circle/index.js';
import Clamp from 'phaser/src/math/Clamp.js';
import MathConst from 'phaser/src/math/const.js';

const Phaser = Extend(
  false,
  {
    Core: { Events: CoreEvents },
    Display: { Color },
    Game,
    GameObjects: {
      Arc,
      Components,
      Container,
      GameObject,
      GameObjectCreator,
      GameObjectFactory,
      GetTextSize,
      Graphics,
      Image,
      MeasureText,
      Rectangle,
      Text,
      Zone,
    },
    Geom: { Circle },
    Input: { InputPlugin, Pointer },
    Math: { Clamp, TAU: MathConst.TAU },
    Scale,
    Scene,
    // As Phaser's own namespace has them: the scene states (RUNNING, SLEEPING…) beside the events.
    Scenes: { ...SceneConst, Events: SceneEvents },
    Textures: { Events: TextureEvents },
  },
  CONST,
);

export default Phaser;
