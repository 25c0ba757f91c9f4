/**
 * The teacher pages in the build: each is an HTML entry of its own (like host.html) whose HTML is made from
 * docs/ and the bank instead of read from disk, so Vite bundles its stylesheet and fonts like any page's.
 * A link that would lead out of the build fails the build.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import type { Bank } from '../core/types.ts';
import type { SpanishSource } from '../core/spanishBank.ts';
import {
  brokenLinks,
  renderTeacherPages,
  SPANISH_TEACHER_DOCS,
  TEACHER_DOCS,
  TEACHER_PAGE_FILES,
  type TeacherPage,
} from './pages.ts';

export interface TeacherPagesOptions {
  root: string;
  /** The folder of the teacher docs (docs/). */
  docsDir: string;
  loadBank: () => Bank;
  /** The sources' citations in Spanish, for the Spanish handout. */
  loadSpanishSources?: (bank: Bank) => Record<string, SpanishSource>;
}

/** The pages as Vite inputs: { teachers: '<root>/teachers.html', … }, to spread into build input. */
export function teacherPageInputs(root: string): Record<string, string> {
  return Object.fromEntries(TEACHER_PAGE_FILES.map((file) => [file.replace(/\.html$/, ''), join(root, file)]));
}

/** The other HTML pages of the build, as file names, from the configured inputs. */
function otherHtmlPages(config: ResolvedConfig): string[] {
  const input = config.build.rolldownOptions.input;
  const paths = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
  return paths
    .filter((path) => path.endsWith('.html'))
    .map((path) => relative(config.root, path).split('\\').join('/'))
    .filter((file) => !TEACHER_PAGE_FILES.includes(file));
}

export interface TeacherPagesApi {
  /** A digest of every page's HTML, for the service worker's version: a change to a doc is a new version. */
  digest(): string;
}

export function teacherPages({
  root,
  docsDir,
  loadBank,
  loadSpanishSources,
}: TeacherPagesOptions): Plugin<TeacherPagesApi> {
  const entries = new Map(TEACHER_PAGE_FILES.map((file) => [join(root, file), file]));
  let otherPages: string[] = ['index.html'];
  let rendered: Map<string, TeacherPage> | undefined;

  const render = (): Map<string, TeacherPage> => {
    const bank = loadBank();
    const pages = renderTeacherPages({
      readDoc: (name) => readFileSync(join(docsDir, name), 'utf8'),
      bank,
      ...(loadSpanishSources ? { spanishSources: loadSpanishSources(bank) } : {}),
    });
    const problems = brokenLinks(pages, otherPages);
    if (problems.length > 0) throw new Error(`The teacher pages have broken links:\n${problems.join('\n')}`);
    return new Map(pages.map((page) => [page.fileName, page]));
  };

  return {
    name: 'source-check-teacher-pages',
    api: {
      digest() {
        rendered ??= render();
        const hash = createHash('sha256');
        for (const page of rendered.values()) hash.update(page.fileName).update(page.html);
        return hash.digest('hex');
      },
    },
    // Before Vite's resolver, which would look for these pages on disk.
    enforce: 'pre',
    configResolved(config) {
      otherPages = otherHtmlPages(config);
      if (!otherPages.includes('index.html')) otherPages.push('index.html');
    },
    buildStart() {
      for (const doc of [...TEACHER_DOCS, ...SPANISH_TEACHER_DOCS]) this.addWatchFile(join(docsDir, doc.source));
      try {
        rendered = render();
      } catch (error) {
        this.error((error as Error).message);
      }
    },
    resolveId(id) {
      return entries.has(id) ? id : null;
    },
    load(id) {
      const file = entries.get(id);
      if (!file) return null;
      rendered ??= render();
      return rendered.get(file)!.html;
    },
    configureServer(server) {
      const serve = async (req: Connect.IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
        const file = (req.url ?? '').split(/[?#]/, 1)[0]!.replace(/^\//, '');
        if (!TEACHER_PAGE_FILES.includes(file)) return next();
        try {
          // Made afresh on every request, so an edit to a doc shows on reload.
          const page = render().get(file)!;
          const html = await server.transformIndexHtml(`/${file}`, page.html, req.originalUrl);
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        } catch (error) {
          next(error);
        }
      };
      // Every failure goes to next() inside, so the promise is left to run on its own.
      server.middlewares.use((req, res, next) => void serve(req, res, next));
    },
  };
}
