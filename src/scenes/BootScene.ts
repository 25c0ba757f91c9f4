import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

/** First scene: nothing to load yet, so it hands over to the preloader at once. */
export class BootScene extends BaseScene {
  constructor() {
    super(SceneKey.Boot);
  }

  create(): void {
    this.scene.start(SceneKey.Preload);
  }
}
