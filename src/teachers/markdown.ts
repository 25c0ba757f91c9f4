/**
 * Markdown to HTML for the teacher pages (build time only): GitHub-style heading ids, so that the docs' own
 * `#anchors` keep working, and every link handed to the caller to rewrite or reject.
 */
import { Marked, Renderer, type Tokens } from 'marked';

export interface RenderedMarkdown {
  /** The text of the first level-1 heading. */
  title: string;
  html: string;
  /** The id of every heading, for checking links into this page. */
  ids: Set<string>;
  /** Every link's href, as rewritten. */
  links: string[];
}

/** Turns a link as written in the markdown into the href to render; throws to refuse it. */
export type LinkRewriter = (href: string) => string;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * GitHub's heading anchors: lower case, punctuation and symbols dropped, each space a hyphen (so "a — b"
 * gives "a--b"), the same heading again gets -1, -2 …
 */
export function headingSlug(text: string, taken: Set<string>): string {
  const base = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
  let slug = base;
  for (let n = 1; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export function renderMarkdown(markdown: string, rewriteLink: LinkRewriter): RenderedMarkdown {
  const ids = new Set<string>();
  const links: string[] = [];
  let title: string | undefined;
  /** The section a table sits in, to name it, and how many tables that section has had. */
  let section = '';
  let tablesInSection = 0;
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      if (token.type === 'link') {
        const link = token as Tokens.Link;
        link.href = rewriteLink(link.href);
        links.push(link.href);
      } else if (token.type === 'image') {
        // The pages ship no images of the docs; a picture the build does not copy would show as broken.
        throw new Error(`the image "${(token as Tokens.Image).href}" is not part of the teacher pages`);
      }
    },
    renderer: {
      heading({ tokens, depth }) {
        const plain = this.parser.parseInline(tokens, this.parser.textRenderer);
        const id = headingSlug(plain, ids);
        if (depth === 1) title ??= plain;
        section = plain;
        tablesInSection = 0;
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      // A wide table scrolls sideways on a phone inside a named region that takes keyboard focus, so it can be
      // scrolled without a mouse and a screen reader says what it is.
      table(token) {
        tablesInSection += 1;
        const name = `Table${tablesInSection > 1 ? ` ${tablesInSection}` : ''}${section ? `: ${section}` : ''}`;
        const table = Renderer.prototype.table.call(this, token);
        return `<div class="table-scroll" role="region" aria-label="${escapeHtml(name)}" tabindex="0">\n${table}</div>\n`;
      },
      // Raw HTML in a doc is shown as text: every link on the pages then goes through rewriteLink.
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
  const html = marked.parse(markdown) as string;
  if (title === undefined) throw new Error('the document has no level-1 heading to be its title');
  return { title, html, ids, links };
}
