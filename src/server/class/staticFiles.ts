/**
 * The built game (dist/) served by the class server through @fastify/static: one route per file found at start
 * (nothing is cached per URL, and a path that names no file of the build is a 404 without touching the disk),
 * the brotli or gzip copy made at build time when the browser accepts it, hashed assets cached for a year, and
 * everything else (the pages, sw.js, bank.json) revalidated on each visit so a new build is picked up at once.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { resolve, sep } from 'node:path';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/** `servedElsewhere`: files of the build another route serves (the game's page, with its preview tags). */
export async function serveBuild(
  app: FastifyInstance,
  folder: string,
  servedElsewhere: readonly string[] = [],
): Promise<void> {
  const root = resolve(folder);
  const assets = `${resolve(root, 'assets')}${sep}`;
  await app.register(fastifyStatic, {
    root,
    // The file list is read once: a URL either names one of these files or is not found.
    wildcard: false,
    // The compressed copies are chosen by Accept-Encoding, never asked for by name.
    globIgnore: ['**/*.br', '**/*.gz', ...servedElsewhere],
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'deny',
    setHeaders(reply: FastifyReply, path: string) {
      // Vite names everything under assets/ by its content hash: a changed file is a new URL.
      reply.header('Cache-Control', path.startsWith(assets) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });
}
