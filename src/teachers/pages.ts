/**
 * The teacher pages as finished HTML documents (build time only): an index, the handout, and one page per
 * teacher doc in docs/, each rendered from its markdown with links between the docs pointing at the pages.
 */
import type { Bank, SourceDoc } from '../core/types.ts';
import { HANDOUT_PAGE_URL, TEACHERS_PAGE_URL } from '../game/teacherLinks.ts';
import { formatLongDate } from '../core/dates.ts';
import { handoutBody } from './handout.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

export interface TeacherDoc {
  /** The markdown file in docs/. */
  source: string;
  /** The page it becomes, beside the game. */
  page: string;
  /** Its name in the navigation. */
  label: string;
  /** One line on the index. */
  summary: string;
}

export const TEACHER_DOCS: readonly TeacherDoc[] = [
  {
    source: 'lesson-plan.md',
    page: 'lesson-plan.html',
    label: 'Lesson plan',
    summary:
      'A 45-minute lesson for ages 13–18: the four SIFT moves, primary and secondary sources, a round on the ' +
      'projector, discussion questions on the article’s claims with answers for you, and an exit ticket.',
  },
  {
    source: 'learning-check.md',
    page: 'learning-check.html',
    label: 'Learning check',
    summary:
      'How the before, after and delayed checks measure whether students got better at telling true claims from ' +
      'false ones, not just more sceptical: hits, false alarms, d′ and c in plain words, and what the check cannot show.',
  },
  {
    source: 'teacher-guide.md',
    page: 'teacher-guide.html',
    label: 'Your own questions',
    summary:
      'Playing your own questions: a quiz from Moodle (GIFT), a Kahoot! spreadsheet or the game’s YAML, with a ' +
      'source excerpt the game checks word for word, and what every message means.',
  },
  {
    source: 'question-format.md',
    page: 'question-format.html',
    label: 'Question format',
    summary:
      'The format of the game’s own questions and source documents, field by field, with an example, and every ' +
      'rule the checker enforces.',
  },
  {
    source: 'import-formats.md',
    page: 'import-formats.html',
    label: 'Import formats',
    summary: 'The exact GIFT, CSV and YAML syntax the game reads, and the source documents an excerpt may name.',
  },
  {
    source: 'question-bank.md',
    page: 'question-bank.html',
    label: 'Question bank',
    summary:
      'What the built-in bank holds, by topic, difficulty, SIFT move, kind of question and source; the rules it ' +
      'meets as a whole, where it stops, how to add to it, and what makes good wrong answers.',
  },
  {
    source: 'privacy.md',
    page: 'privacy.html',
    label: 'Privacy',
    summary:
      'For students, families and schools: what class mode stores, where, for how long, who sees it, what is ' +
      'never collected, and how to delete it. The join screen links to it.',
  },
];

/** A source document served as a page of its own, so a lesson can project or print it from the game's server. */
export interface SourcePage {
  sourceId: string;
  page: string;
  label: string;
}

/** The article the game checks and the order it is held against first: the lesson plan prints or projects both. */
export const SOURCE_PAGES: readonly SourcePage[] = [
  { sourceId: 'tiktok-ban-article-2020', page: 'article.html', label: 'The article' },
  { sourceId: 'eo-13942', page: 'eo-13942.html', label: 'EO 13942' },
];

/** How the docs link to a source file, so that the link also works where the docs are read as files. */
const SOURCE_FILE_LINK = /^(?:\.\.\/)?questions\/sources\/([a-z0-9-]+)\.md$/;

export const STYLESHEET = '/src/teachers/teachers.css';
export const PAGE_SCRIPT = '/src/teachers/teacherPage.ts';

/** Every page this module makes, by file name in the build. */
export const TEACHER_PAGE_FILES: readonly string[] = [
  TEACHERS_PAGE_URL,
  HANDOUT_PAGE_URL,
  ...TEACHER_DOCS.map((doc) => doc.page),
  ...SOURCE_PAGES.map((source) => source.page),
];

const GAME_URL = './';

interface NavItem {
  page: string;
  label: string;
}

const NAV: readonly NavItem[] = [
  { page: TEACHERS_PAGE_URL, label: 'For teachers' },
  { page: TEACHER_DOCS[0]!.page, label: TEACHER_DOCS[0]!.label },
  { page: HANDOUT_PAGE_URL, label: 'Student handout' },
  ...TEACHER_DOCS.slice(1).map((doc) => ({ page: doc.page, label: doc.label })),
  ...SOURCE_PAGES.map((source) => ({ page: source.page, label: source.label })),
];

interface Layout {
  page: string;
  title: string;
  description: string;
  body: string;
  /** A class on <html> for page-specific styles (the handout's print layout sizes everything from it). */
  kind: 'index' | 'doc' | 'handout' | 'source';
}

function layout({ page, title, description, body, kind }: Layout): string {
  const nav = NAV.map(
    (item) =>
      `<li><a href="${item.page}"${item.page === page ? ' aria-current="page"' : ''}>${escapeHtml(item.label)}</a></li>`,
  ).join('\n          ');
  return `<!doctype html>
<html lang="en" class="teachers ${kind}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="${escapeHtml(description)}" />
    <meta name="theme-color" content="#14213d" />
    <link rel="icon" href="./icons/icon-192.png" type="image/png" />
    <title>${escapeHtml(title)} — Source Check</title>
    <link rel="stylesheet" href="${STYLESHEET}" />
    <script type="module" src="${PAGE_SCRIPT}"></script>
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to the content</a>
    <header class="site-header">
      <p class="site-name"><a href="${GAME_URL}">Source Check</a> <span>for teachers</span></p>
      <nav aria-label="Teacher pages">
        <ul>
          ${nav}
        </ul>
      </nav>
    </header>
    <main id="main">
${body}
    </main>
    <footer class="site-footer">
      <p><a href="${GAME_URL}">Play Source Check</a> · <a href="${TEACHERS_PAGE_URL}">All teacher pages</a></p>
    </footer>
  </body>
</html>
`;
}

/** Turns a link in a doc into a link to the built pages, or refuses one that would lead out of the build. */
function docLinkRewriter(source: string): (href: string) => string {
  return (href) => {
    if (href.startsWith('#') || /^(https?:|mailto:)/i.test(href)) return href;
    const [file = '', fragment] = href.split('#', 2);
    const sourceId = SOURCE_FILE_LINK.exec(file)?.[1];
    const sourcePage = SOURCE_PAGES.find((candidate) => candidate.sourceId === sourceId);
    if (sourcePage) return fragment === undefined ? sourcePage.page : `${sourcePage.page}#${fragment}`;
    const doc = TEACHER_DOCS.find((candidate) => candidate.source === file.replace(/^\.\//, ''));
    if (!doc) throw new Error(`docs/${source}: the link "${href}" points at a file that is not in the build`);
    return fragment === undefined ? doc.page : `${doc.page}#${fragment}`;
  };
}

function indexBody(bank: Bank): string {
  const sourcesQuoted = new Set(bank.questions.flatMap((question) => question.evidence.map((e) => e.source))).size;
  const docItem = (doc: TeacherDoc) =>
    `<li><a href="${doc.page}">${escapeHtml(doc.label)}</a>: ${escapeHtml(doc.summary)}</li>`;
  const [lessonPlan, guide, format, imports, bankReport] = TEACHER_DOCS as [
    TeacherDoc,
    TeacherDoc,
    TeacherDoc,
    TeacherDoc,
    TeacherDoc,
  ];
  return `      <h1 id="for-teachers">For teachers</h1>
      <p class="lead">
        Source Check is a quiz game for media-literacy lessons. A 2020 feature article about the TikTok ban, with no
        byline, no outlet and no date, makes a string of claims; the executive orders, the 2024 law, the Supreme
        Court’s opinion and the 2025 orders it talks about are all public. Each question holds a claim against them,
        and after every answer the game shows the exact words of the source that settle it, where they come from,
        and why. Students practise four moves for checking what they read (SIFT), and learn to tell the document
        itself from an account of it.
      </p>
      <p>
        The game holds ${bank.questions.length} questions in ${bank.topics.length} topics, each settled by words
        quoted from one of ${sourcesQuoted} source documents. It runs in any recent browser, on a projector or on
        students’ own devices, and plays offline once it has been opened.
      </p>

      <section aria-labelledby="plan">
        <h2 id="plan">Plan a lesson</h2>
        <ul class="page-list">
          ${docItem(lessonPlan)}
          <li><a href="${HANDOUT_PAGE_URL}">Student handout</a>: the four SIFT moves on one printable page, each with
            a sentence of the article to try it on, and room for notes.</li>
          <li><a href="${SOURCE_PAGES[0]!.page}">The article</a>: the unsigned 2020 article the game checks, and
            <a href="${SOURCE_PAGES[1]!.page}">Executive Order 13942</a>, the primary source to hold up beside it,
            to project or print.</li>
        </ul>
      </section>

      <section aria-labelledby="questions">
        <h2 id="questions">Questions of your own</h2>
        <ul class="page-list">
          ${docItem(guide)}
          ${docItem(format)}
          ${docItem(imports)}
          ${docItem(bankReport)}
        </ul>
      </section>

      <section aria-labelledby="class">
        <h2 id="class">Run a round for the whole class</h2>
        <p>
          Class mode needs the game’s own server, on a computer in the room where the project is installed with
          Node.js 20 or newer:
        </p>
        <ol>
          <li>On the computer at the projector, in the project’s folder, run
            <code>HOST=0.0.0.0 npm start</code>. It prints the addresses students can open. (Without
            <code>HOST</code> only that computer can reach the game: safe for trying it out.)</li>
          <li>Open <a href="host.html">Host a class</a> on that server, choose the questions, the time for each and
            the scoring, and put the page on the projector.</li>
          <li>Students open the join link or scan its QR code, or choose <strong>Class</strong> on the title screen and
            type the six-character code. The page follows the class live and exports the results as CSV.</li>
        </ol>
        <p>Without the server, every student can still play a round of their own: <a href="${GAME_URL}">play Source Check</a>.</p>
      </section>`;
}

/** "6 August 2020" or "not stated", as the source's front matter has it. */
function sourceFact(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLongDate(value) : value;
}

/** A source document as a page: its citation, what the front matter notes about it, and its text as it is. */
function sourceBody(page: SourcePage, source: SourceDoc | undefined): string {
  if (!source) {
    return `      <h1 id="source">${escapeHtml(page.label)}</h1>
      <p>The question bank this game was built with has no copy of this document (${escapeHtml(page.sourceId)}).</p>`;
  }
  const paragraphs = source.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `      <p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `      <h1 id="source">${escapeHtml(source.title)}</h1>
      <dl class="source-facts">
        <dt>Author</dt><dd>${escapeHtml(sourceFact(source.author))}</dd>
        <dt>Publisher</dt><dd>${escapeHtml(sourceFact(source.publisher))}</dd>
        <dt>Date</dt><dd>${escapeHtml(sourceFact(source.date))}</dd>
      </dl>${source.notes ? `\n      <p class="source-notes">${escapeHtml(source.notes)}</p>` : ''}
      <section class="source-text" aria-label="The text">
${paragraphs}
      </section>`;
}

export interface TeacherPage {
  fileName: string;
  title: string;
  html: string;
}

export interface TeacherSiteInput {
  /** Reads a file of docs/ by name. */
  readDoc: (name: string) => string;
  bank: Bank;
}

export function renderTeacherPages({ readDoc, bank }: TeacherSiteInput): TeacherPage[] {
  const docs = TEACHER_DOCS.map((doc) => {
    const rendered = renderMarkdown(readDoc(doc.source), docLinkRewriter(doc.source));
    const html = layout({
      page: doc.page,
      title: rendered.title,
      description: doc.summary,
      body: rendered.html,
      kind: 'doc',
    });
    return { fileName: doc.page, title: rendered.title, html };
  });
  const indexTitle = 'For teachers';
  const handoutTitle = 'Four moves for checking what you read';
  return [
    {
      fileName: TEACHERS_PAGE_URL,
      title: indexTitle,
      html: layout({
        page: TEACHERS_PAGE_URL,
        title: indexTitle,
        description: 'Source Check for teachers: a lesson plan, a student handout, your own questions, class mode.',
        body: indexBody(bank),
        kind: 'index',
      }),
    },
    {
      fileName: HANDOUT_PAGE_URL,
      title: handoutTitle,
      html: layout({
        page: HANDOUT_PAGE_URL,
        title: handoutTitle,
        description: 'A one-page student handout of the four SIFT moves, each with a sentence to try it on.',
        body: handoutBody(bank),
        kind: 'handout',
      }),
    },
    ...docs,
    ...SOURCE_PAGES.map((page) => {
      const source = bank.sources[page.sourceId];
      const title = source?.title ?? page.label;
      return {
        fileName: page.page,
        title,
        html: layout({
          page: page.page,
          title,
          description: `${page.label}, as the game's questions quote it, to project or print for a lesson.`,
          body: sourceBody(page, source),
          kind: 'source',
        }),
      };
    }),
  ];
}

/** The href of every <a> in a page. */
export function anchorHrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((match) => match[1]!);
}

function elementIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!));
}

/**
 * Every link that would not lead to a page of the build: a file that is neither a teacher page nor one of
 * `otherPages` (the build's other HTML pages), or an #anchor that is not on its page. Empty when all is well.
 */
export function brokenLinks(pages: readonly TeacherPage[], otherPages: readonly string[]): string[] {
  const byName = new Map(pages.map((page) => [page.fileName, page]));
  const problems: string[] = [];
  for (const page of pages) {
    for (const href of anchorHrefs(page.html)) {
      if (/^(https?:|mailto:)/i.test(href)) continue;
      const [path = '', fragment] = href.split('#', 2);
      const file = path === '' ? page.fileName : path === GAME_URL ? 'index.html' : path.replace(/^\.\//, '');
      const target = byName.get(file);
      if (!target && !otherPages.includes(file)) {
        problems.push(`${page.fileName}: "${href}" is not a page of the build`);
      } else if (fragment !== undefined && !(target && elementIds(target.html).has(fragment))) {
        problems.push(`${page.fileName}: "${href}" points at an anchor that ${file} does not have`);
      }
    }
  }
  return problems;
}
