/**
 * Link previews: the `og:` and Twitter card tags a chat app or social site reads when a link to the game is
 * pasted, and the game's page served with them (`/`, `/index.html`; the short link's page is in
 * challenge/page.ts). A preview needs absolute addresses (a crawler resolves no relative og:image). They are built
 * from PUBLIC_URL when it is set: it is the address players are given, path and https included, where the request
 * as the server sees it behind a TLS proxy says http and a path the proxy took off. Without it, from the request's
 * own origin (its Host, or X-Forwarded-Host from a trusted proxy): the crawler fetched this very page there, so
 * the picture beside it is reachable at the same place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { encode } from 'html-entities';

/** The page's name in a link preview (the pages a crawler reads are in English). */
const SHARE_TITLE = 'Source Check — the TikTok ban quiz';

/** The picture's size: what chat apps and social sites show large (a 1.91:1 card). */
export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;
/** Where the picture is, in the built game's folder (made by scripts/make-preview-image.ts into public/). */
export const PREVIEW_IMAGE_PATH = 'preview.png';
export const PREVIEW_IMAGE_ALT =
  'Source Check: check the claims, read the sources. A quiz on the TikTok ban controversy, 2019–2025.';
export const HOME_DESCRIPTION =
  'A quiz that holds a 2020 article on the TikTok ban against the primary sources: the orders, the law and the ' +
  'Supreme Court’s opinion. Answer against the clock, then read the words that settle each claim.';

/** The game's page in the built folder. */
export const GAME_PAGE = 'index.html';

export interface PagePreview {
  title: string;
  description: string;
  /** The page's own absolute address. */
  url: string;
  /** The absolute address of the folder the game is served from, ending in "/". */
  base: string;
}

/** A host as a Host header may name one: a name or an address, and a port. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The absolute address of the game's folder for this request: PUBLIC_URL, or the request's origin; undefined when
 * the request names no usable host (the page is then served without absolute addresses).
 */
export function pageBase(request: Pick<FastifyRequest, 'protocol' | 'host'>, publicUrl?: string): string | undefined {
  if (publicUrl) return publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const host = request.host;
  if (typeof host !== 'string' || !HOST.test(host)) return undefined;
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host}/`;
}

/** The tags, one a line; every value escaped for an attribute. */
export function previewTags(preview: PagePreview): string[] {
  const image = `${preview.base}${PREVIEW_IMAGE_PATH}`;
  const tag = (kind: 'property' | 'name', key: string, value: string | number) =>
    `<meta ${kind}="${key}" content="${encode(String(value), { level: 'html5', mode: 'specialChars' })}" />`;
  return [
    tag('property', 'og:type', 'website'),
    tag('property', 'og:site_name', 'Source Check'),
    tag('property', 'og:title', preview.title),
    tag('property', 'og:description', preview.description),
    tag('property', 'og:url', preview.url),
    tag('property', 'og:image', image),
    tag('property', 'og:image:type', 'image/png'),
    tag('property', 'og:image:width', PREVIEW_IMAGE_SIZE.width),
    tag('property', 'og:image:height', PREVIEW_IMAGE_SIZE.height),
    tag('property', 'og:image:alt', PREVIEW_IMAGE_ALT),
    tag('name', 'twitter:card', 'summary_large_image'),
    tag('name', 'twitter:title', preview.title),
    tag('name', 'twitter:description', preview.description),
    tag('name', 'twitter:image', image),
    tag('name', 'twitter:image:alt', PREVIEW_IMAGE_ALT),
  ];
}

/** The page with lines added at the top of its head and its title replaced. */
export function withHeadLines(html: string, lines: readonly string[], title: string): string {
  return html
    .replace(/<head>/, `<head>\n    ${lines.join('\n    ')}`)
    .replace(/<title>[^<]*<\/title>/, `<title>${encode(title)}</title>`);
}

/** The game's page for a request to `/`: the built index.html with the game's own preview. */
export function homePage(html: string, base: string | undefined): string {
  if (!base) return html;
  return withHeadLines(
    html,
    previewTags({ title: SHARE_TITLE, description: HOME_DESCRIPTION, url: base, base }),
    SHARE_TITLE,
  );
}

/**
 * Serves `/` and `/index.html` with the preview tags, revalidated on every visit like the rest of the pages
 * (the static files then leave index.html to it); false, and nothing served, when the build has no index.html.
 */
export function registerGamePage(
  app: FastifyInstance,
  staticDir: string,
  publicUrl: () => string | undefined,
): boolean {
  const file = join(staticDir, GAME_PAGE);
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const page = homePage(html, pageBase(request, publicUrl()));
    const etag = `"${createHash('sha256').update(page).digest('base64url').slice(0, 27)}"`;
    reply.header('Cache-Control', 'no-cache').header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('Content-Type', 'text/html; charset=utf-8').send(page);
  };
  app.get('/', handler);
  app.get(`/${GAME_PAGE}`, handler);
  return true;
}
