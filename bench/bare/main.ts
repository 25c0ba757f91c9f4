/** The floor the game is measured against: Phaser 4 with one scene and one text, configured like the game. */
import Phaser from 'phaser';
import { BARE_CREATE_MARK } from './marks';

class HelloScene extends Phaser.Scene {
  constructor() {
    super('hello');
  }

  create(): void {
    this.add.text(640, 360, 'Hello, Phaser 4', { fontSize: '48px', color: '#ffffff' }).setOrigin(0.5);
    performance.mark(BARE_CREATE_MARK);
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  width: 1280,
  height: 720,
  backgroundColor: 0x14213d,
  roundPixels: true,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  banner: false,
  scene: [HelloScene],
});
