/**
 * A Vite plugin that builds the game against the part of Phaser it uses (`src/engine/phaser.js`) instead of the
 * whole engine, from Phaser's own modules, with Phaser's build flags fixed as its custom builds fix them.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Phaser's build flags (its webpack configs define `typeof FLAG`): WebGL only, no Canvas renderer, no sound (the
 * game plays it with Howler and starts Phaser with `audio.noAudio`), no debug hooks and no optional plugins.
 */
export const PHASER_BUILD_FLAGS: Readonly<Record<string, boolean>> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: false,
  FEATURE_SOUND: false,
  WEBGL_DEBUG: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

const FLAG_PATTERN = new RegExp(`\\btypeof (${Object.keys(PHASER_BUILD_FLAGS).join('|')})\\b`, 'g');

/** Replaces each `typeof FLAG` in a Phaser source file by the flag's value, as Phaser's DefinePlugin does. */
export function fixPhaserFlags(source: string): string {
  return source.replace(FLAG_PATTERN, (_match, flag: string) => String(PHASER_BUILD_FLAGS[flag]));
}

export function trimmedPhaser(entry: string): Plugin {
  const phaserDir = dirname(createRequire(import.meta.url).resolve('phaser/package.json'));
  const phaserSrc = join(phaserDir, 'src') + sep;
  return {
    name: 'source-check-trimmed-phaser',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'phaser' && !importer?.startsWith(phaserSrc)) return entry;
      // Phaser's package exports only its prebuilt bundles: its modules are reached by their path.
      if (id.startsWith('phaser/src/')) return join(phaserDir, id.slice('phaser/'.length));
      return null;
    },
    transform(code, id) {
      if (!id.startsWith(phaserSrc)) return null;
      const fixed = fixPhaserFlags(code);
      return fixed === code ? null : { code: fixed, map: null };
    },
  };
}
