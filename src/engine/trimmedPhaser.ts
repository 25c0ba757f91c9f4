/**
 * A Vite plugin that builds the game against the part of Phaser it uses (`src/engine/phaser.js`) instead of the
 * whole engine, from Phaser's own modules, with Phaser's build flags fixed as its custom builds fix them.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { PHASER_SUBSTITUTES, substituteFor, type PhaserSubstitute } from './phaserSubstitutes.ts';

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

/** A relative `require` in a Phaser module, as Node resolves it: the file, with `.js` or as a folder's index. */
export function resolvePhaserRequire(id: string, importer: string): string {
  const path = resolve(dirname(importer), id);
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(`${path}.js`)) return `${path}.js`;
  return join(path, 'index.js');
}

const SUBSTITUTE_PREFIX = '\0source-check-phaser-substitute:';

/**
 * The stand-in for `module` (from phaser/src) as `substitute` replaces it: CommonJS, as Phaser's modules `require` it
 * and take what it exports as the module itself.
 */
export function standInSource(
  substitute: PhaserSubstitute,
  module: string,
  helpers: string,
  phaserSrc: string,
): string {
  const args = `${JSON.stringify(module)}, ${JSON.stringify(substitute.feature)}`;
  const lines = [`var standIns = require(${JSON.stringify(helpers)});`];
  const { standIn } = substitute;
  if (standIn.kind === 'absent') lines.push(`module.exports = standIns.absentPhaserPart(${args});`);
  if (standIn.kind === 'inert') {
    const chained = JSON.stringify(standIn.chained ?? []);
    const ignored = JSON.stringify(standIn.ignored ?? []);
    lines.push(`module.exports = standIns.inertPhaserPart(${args}, ${chained}, ${ignored});`);
  }
  if (standIn.kind === 'namespace') {
    const kept = Object.entries(standIn.kept).map(
      ([name, path]) => `${JSON.stringify(name)}: require(${JSON.stringify(join(phaserSrc, path))})`,
    );
    lines.push(`module.exports = standIns.partialPhaserNamespace(${args}, { ${kept.join(', ')} });`);
  }
  return lines.join('\n');
}

export function trimmedPhaser(entry: string): Plugin {
  const phaserDir = dirname(createRequire(import.meta.url).resolve('phaser/package.json'));
  const phaserSrc = join(phaserDir, 'src') + sep;
  const helpers = join(dirname(entry), 'absentPhaser.ts');
  const fromSrc = (path: string) => path.slice(phaserSrc.length).split(sep).join('/');
  return {
    name: 'source-check-trimmed-phaser',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'phaser' && !importer?.startsWith(phaserSrc)) return entry;
      // Phaser's package exports only its prebuilt bundles: its modules are reached by their path.
      if (id.startsWith('phaser/src/')) return join(phaserDir, id.slice('phaser/'.length));
      if (importer?.startsWith(phaserSrc) && id.startsWith('.')) {
        const module = fromSrc(resolvePhaserRequire(id, importer));
        const substitute = substituteFor(module, fromSrc(importer));
        // One id per module and substitute: every importer a substitute lists shares the one stand-in.
        if (substitute) return `${SUBSTITUTE_PREFIX}${PHASER_SUBSTITUTES.indexOf(substitute)}:${module}`;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(SUBSTITUTE_PREFIX)) return null;
      const [index, module] = id.slice(SUBSTITUTE_PREFIX.length).split(':') as [string, string];
      return standInSource(PHASER_SUBSTITUTES[Number(index)]!, module, helpers, phaserSrc);
    },
    transform(code, id) {
      if (!id.startsWith(phaserSrc)) return null;
      const fixed = fixPhaserFlags(code);
      return fixed === code ? null : { code: fixed, map: null };
    },
  };
}
