/**
 * What the build puts in place of a Phaser module the game never reaches (src/engine/phaserSubstitutes.ts): each
 * stand-in fails at its first use with an error that names the part of Phaser that was left out, instead of the
 * game drawing wrongly or failing somewhere far from the cause.
 */

/** Where a part left out is added back. */
const SUBSTITUTES_FILE = 'src/engine/phaserSubstitutes.ts';

export class AbsentPhaserPartError extends Error {
  constructor(feature: string, module: string, use?: string) {
    super(
      `The game's build of Phaser leaves out ${feature} (phaser/src/${module})${use ? `, so ${use} is not there` : ''}; ` +
        `take it out of ${SUBSTITUTES_FILE} to use it.`,
    );
    this.name = 'AbsentPhaserPartError';
  }
}

/** Names that are read of any value without meaning a use of it (module interop, promises, serialisers). */
const NOT_A_USE = new Set(['__esModule', 'then', 'toJSON', 'constructor']);

/** A function or class left out: calling it or making one with `new` throws. */
export function absentPhaserPart(module: string, feature: string): () => never {
  return function absentPart(): never {
    throw new AbsentPhaserPartError(feature, module);
  };
}

/**
 * An object that is only read where it is used: reading any other member than `kept`'s throws, naming the member.
 * Setting members works (Phaser sets some on its namespaces while it boots).
 */
function guarded<T extends object>(target: T, module: string, feature: string): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      if (typeof name === 'symbol' || name in object || NOT_A_USE.has(name)) return Reflect.get(object, name, receiver);
      throw new AbsentPhaserPartError(feature, module, `\`${name}\``);
    },
  });
}

/**
 * A namespace of which the game uses only `kept`: the same object with those members, any other member throws when
 * it is read.
 */
export function partialPhaserNamespace(module: string, feature: string, kept: Record<string, unknown>): object {
  return guarded({ ...kept }, module, feature);
}

/**
 * A class Phaser makes an instance of while it boots although the game never uses it (the animation manager, the
 * texture manager's tile sprite for repeating dynamic textures): `new` works, the methods named in `chained` return
 * the instance, those in `ignored` do nothing, and reading anything else throws.
 */
export function inertPhaserPart(
  module: string,
  feature: string,
  chained: readonly string[] = [],
  ignored: readonly string[] = [],
): new (...args: unknown[]) => object {
  return function InertPart(this: unknown): object {
    const members: Record<string, () => unknown> = {};
    const instance = guarded(members, module, feature);
    for (const name of chained) members[name] = () => instance;
    for (const name of ignored) members[name] = () => undefined;
    return instance;
  } as unknown as new (...args: unknown[]) => object;
}
