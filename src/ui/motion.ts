/**
 * Motion that explains a change — short, easing out — and none at all when the player or the device
 * asks for reduced motion: then every change is instant and nothing moves.
 */
import type Phaser from 'phaser';
import { MOTION } from './theme';

type Scalable = Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Transform;

/** A swell that settles back: the countdown's last seconds. */
export function pulse(scene: Phaser.Scene, target: Scalable, reduce: boolean): void {
  if (reduce) return;
  scene.tweens.killTweensOf(target);
  target.setScale(MOTION.pulseScale);
  scene.tweens.add({ targets: target, scale: 1, duration: MOTION.tweenMs.pulse, ease: MOTION.ease });
}

/** Arrives slightly large and settles: the outcome of an answer. */
export function emphasize(scene: Phaser.Scene, target: Scalable, reduce: boolean): void {
  if (reduce) return;
  target.setScale(1.2);
  scene.tweens.add({ targets: target, scale: 1, duration: MOTION.tweenMs.emphasis, ease: MOTION.ease });
}

/** Grows out from its origin: a mark drawn under the right answer, a new pip of the streak. */
export function grow(
  scene: Phaser.Scene,
  target: Scalable,
  reduce: boolean,
  axis: 'x' | 'both',
  duration: number = MOTION.tweenMs.emphasis,
): void {
  if (reduce) return;
  if (axis === 'x') {
    target.scaleX = 0;
    scene.tweens.add({ targets: target, scaleX: 1, duration, ease: MOTION.ease });
  } else {
    target.setScale(0);
    scene.tweens.add({ targets: target, scale: 1, duration, ease: MOTION.ease });
  }
}

/** Counts a number up to its value; with reduced motion it shows the value at once. */
export function countUp(scene: Phaser.Scene, to: number, show: (value: number) => void, reduce: boolean): void {
  if (reduce || to === 0) {
    show(to);
    return;
  }
  const counter = { value: 0 };
  show(0);
  scene.tweens.add({
    targets: counter,
    value: to,
    duration: MOTION.tweenMs.countUp,
    ease: MOTION.ease,
    onUpdate: () => show(Math.round(counter.value)),
    onComplete: () => show(to),
  });
}
