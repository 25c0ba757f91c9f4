import { describe, expect, it } from 'vitest';
import { fixPhaserFlags } from '../../src/engine/trimmedPhaser';

describe("Phaser's build flags", () => {
  it('are fixed as Phaser’s own builds define them: WebGL only, no Canvas renderer, sound or debug', () => {
    expect(fixPhaserFlags('if (typeof WEBGL_RENDERER && !typeof CANVAS_RENDERER)')).toBe('if (true && !false)');
    expect(fixPhaserFlags('if (typeof FEATURE_SOUND) {} if (typeof WEBGL_DEBUG && window) {}')).toBe(
      'if (false) {} if (false && window) {}',
    );
  });

  it('leaves every other typeof alone', () => {
    const source = "if (typeof window !== 'undefined' && typeof WEBGL_RENDERER_X === 'number') {}";
    expect(fixPhaserFlags(source)).toBe(source);
  });
});
