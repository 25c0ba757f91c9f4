/**
 * The smallest target a finger can press reliably is about 44 CSS px across (Apple's and WCAG's figure). The layout
 * is in game pixels, so the minimum is given per orientation for the screens each is laid out for.
 */
export const MIN_TARGET = {
  /** A phone's 480 game pixels over 390 CSS pixels (the common phone width): 55 game px make 44.7 CSS px. */
  portrait: 55,
  /** 1280 game pixels over a laptop's width: 48 game px make 44 CSS px down to a 1174-px-wide window. */
  landscape: 48,
} as const;

/** The smallest height and width of anything pressed on a screen of this orientation, in game pixels. */
export function minTargetFor(frame: { portrait: boolean }): number {
  return frame.portrait ? MIN_TARGET.portrait : MIN_TARGET.landscape;
}
