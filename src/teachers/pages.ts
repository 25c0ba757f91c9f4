/**
 * The teacher pages as finished HTML documents (build time only): an index, the handout, and one page per
 * teacher doc in docs/, each rendered from its markdown with links between the docs pointing at the pages.
 */
import { posix } from 'node:path';
import type { Bank, SourceDoc } from '../core/types.ts';
import type { SpanishSource } from '../core/spanishBank.ts';
import { HANDOUT_PAGE_URL, TEACHERS_PAGE_URL } from '../game/teacherLinks.ts';
import { formatLongDate } from '../core/dates.ts';
import { HANDOUT_TEXT, handoutBody } from './handout.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

/** The languages the teacher pages are written in. */
export type TeacherLocale = 'en' | 'es';

export interface TeacherDoc {
  /** The markdown file in docs/ (docs/es/ for a page in Spanish). */
  source: string;
  /** The page it becomes, beside the game. */
  page: string;
  /** Its name in the navigation. */
  label: string;
  /** One line on the index. */
  summary: string;
  /** For a translated doc: the English page it translates, which links to it as "En español". */
  english?: string;
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

/** The Spanish pages: their index, the handout, and the docs of docs/es/. */
export const SPANISH_TEACHERS_PAGE_URL = 'teachers-es.html';
export const SPANISH_HANDOUT_PAGE_URL = 'handout-es.html';

export const SPANISH_TEACHER_DOCS: readonly TeacherDoc[] = [
  {
    source: 'es/lesson-plan.md',
    page: 'lesson-plan-es.html',
    label: 'Plan de clase',
    summary:
      'Una clase de 45 minutos para 13–18 años: los cuatro pasos SIFT, fuentes primarias y secundarias, una ronda ' +
      'en el proyector, preguntas para el debate sobre las afirmaciones del artículo con sus respuestas, y un ' +
      'boleto de salida.',
    english: 'lesson-plan.html',
  },
  {
    source: 'es/teacher-guide.md',
    page: 'teacher-guide-es.html',
    label: 'Tus propias preguntas',
    summary:
      'Jugar con tus propias preguntas: un cuestionario de Moodle (GIFT), una hoja de cálculo de Kahoot! o el YAML ' +
      'del juego, con un fragmento de la fuente que el juego comprueba palabra por palabra, y qué significa cada ' +
      'mensaje.',
    english: 'teacher-guide.html',
  },
  {
    source: 'es/question-format.md',
    page: 'question-format-es.html',
    label: 'Formato de las preguntas',
    summary:
      'El formato de las preguntas y documentos fuente del juego, campo por campo, con un ejemplo; el banco en ' +
      'español; y cada regla que comprueba el validador.',
    english: 'question-format.html',
  },
  {
    source: 'es/import-formats.md',
    page: 'import-formats-es.html',
    label: 'Formatos de importación',
    summary:
      'La sintaxis exacta de GIFT, CSV y YAML que lee el juego, y los documentos fuente que puede nombrar un fragmento.',
    english: 'import-formats.html',
  },
  {
    source: 'es/question-bank.md',
    page: 'question-bank-es.html',
    label: 'Banco de preguntas',
    summary:
      'Qué contiene el banco del juego, por tema, dificultad, paso SIFT, tipo de pregunta y fuente; las reglas que ' +
      'cumple en conjunto, dónde termina, cómo ampliarlo y qué hace buenas las respuestas incorrectas.',
    english: 'question-bank.html',
  },
  {
    source: 'es/glosario.md',
    page: 'glosario-es.html',
    label: 'Glosario',
    summary: 'Cómo traducimos los términos legales y de alfabetización mediática, y las formas que no usamos.',
  },
];

/** Each English page with a Spanish translation, and that translation: the two link to each other. */
const SPANISH_COUNTERPARTS: ReadonlyMap<string, string> = new Map([
  [TEACHERS_PAGE_URL, SPANISH_TEACHERS_PAGE_URL],
  [HANDOUT_PAGE_URL, SPANISH_HANDOUT_PAGE_URL],
  ...SPANISH_TEACHER_DOCS.flatMap((doc) => (doc.english ? [[doc.english, doc.page] as const] : [])),
]);

/** How the docs link to a source file (from docs/ or docs/es/), so that the link also works in the files. */
const SOURCE_FILE_LINK = /^(?:\.\.\/)?questions\/sources\/([a-z0-9-]+)\.md$/;

export const STYLESHEET = '/src/teachers/teachers.css';
export const PAGE_SCRIPT = '/src/teachers/teacherPage.ts';

/** Every page this module makes, by file name in the build. */
export const TEACHER_PAGE_FILES: readonly string[] = [
  TEACHERS_PAGE_URL,
  HANDOUT_PAGE_URL,
  ...TEACHER_DOCS.map((doc) => doc.page),
  ...SOURCE_PAGES.map((source) => source.page),
  SPANISH_TEACHERS_PAGE_URL,
  SPANISH_HANDOUT_PAGE_URL,
  ...SPANISH_TEACHER_DOCS.map((doc) => doc.page),
];

const GAME_URL = './';

interface NavItem {
  page: string;
  label: string;
}

/** The words of the pages' frame in each language. */
interface SiteText {
  lang: TeacherLocale;
  skipLink: string;
  forTeachers: string;
  navLabel: string;
  play: string;
  allPages: string;
  /** The link to the same page in the other language, written in that language. */
  otherLanguage: { lang: TeacherLocale; label: string };
  nav: readonly NavItem[];
}

/** A language's navigation: its index, its lesson plan, its handout, its other docs, then pages it shares. */
function siteNav(index: NavItem, handout: NavItem, docs: readonly TeacherDoc[], shared: readonly NavItem[]): NavItem[] {
  const item = (doc: TeacherDoc): NavItem => ({ page: doc.page, label: doc.label });
  return [index, item(docs[0]!), handout, ...docs.slice(1).map(item), ...shared];
}

const SITE_TEXT: Record<TeacherLocale, SiteText> = {
  en: {
    lang: 'en',
    skipLink: 'Skip to the content',
    forTeachers: 'for teachers',
    navLabel: 'Teacher pages',
    play: 'Play Source Check',
    allPages: 'All teacher pages',
    otherLanguage: { lang: 'es', label: 'En español' },
    nav: siteNav(
      { page: TEACHERS_PAGE_URL, label: 'For teachers' },
      { page: HANDOUT_PAGE_URL, label: 'Student handout' },
      TEACHER_DOCS,
      SOURCE_PAGES.map((source) => ({ page: source.page, label: source.label })),
    ),
  },
  es: {
    lang: 'es',
    skipLink: 'Ir al contenido',
    forTeachers: 'para docentes',
    navLabel: 'Páginas para docentes',
    play: 'Jugar a Source Check',
    allPages: 'Todas las páginas para docentes',
    otherLanguage: { lang: 'en', label: 'In English' },
    nav: siteNav(
      { page: SPANISH_TEACHERS_PAGE_URL, label: 'Para docentes' },
      { page: SPANISH_HANDOUT_PAGE_URL, label: 'Hoja para estudiantes' },
      SPANISH_TEACHER_DOCS,
      [],
    ),
  },
};

/** The same page in the other language, or that language's index when the page has no translation. */
function otherLanguagePage(page: string, locale: TeacherLocale): string {
  if (locale === 'en') return SPANISH_COUNTERPARTS.get(page) ?? SPANISH_TEACHERS_PAGE_URL;
  const english = [...SPANISH_COUNTERPARTS].find(([, spanish]) => spanish === page)?.[0];
  return english ?? TEACHERS_PAGE_URL;
}

interface Layout {
  page: string;
  title: string;
  description: string;
  body: string;
  /** A class on <html> for page-specific styles (the handout's print layout sizes everything from it). */
  kind: 'index' | 'doc' | 'handout' | 'source';
  /** The language of the page's own words (a source page's document stays as published). */
  locale?: TeacherLocale;
}

function layout({ page, title, description, body, kind, locale = 'en' }: Layout): string {
  const text = SITE_TEXT[locale];
  const other = text.otherLanguage;
  const nav = text.nav
    .map(
      (item) =>
        `<li><a href="${item.page}"${item.page === page ? ' aria-current="page"' : ''}>${escapeHtml(item.label)}</a></li>`,
    )
    .join('\n          ');
  return `<!doctype html>
<html lang="${text.lang}" class="teachers ${kind}">
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
    <a class="skip-link" href="#main">${escapeHtml(text.skipLink)}</a>
    <header class="site-header">
      <p class="site-name"><a href="${GAME_URL}">Source Check</a> <span>${escapeHtml(text.forTeachers)}</span></p>
      <p class="language"><a href="${otherLanguagePage(page, locale)}" lang="${other.lang}" hreflang="${other.lang}">${escapeHtml(other.label)}</a></p>
      <nav aria-label="${escapeHtml(text.navLabel)}">
        <ul>
          ${nav}
        </ul>
      </nav>
    </header>
    <main id="main">
${body}
    </main>
    <footer class="site-footer">
      <p><a href="${GAME_URL}">${escapeHtml(text.play)}</a> · <a href="${text.nav[0]!.page}">${escapeHtml(text.allPages)}</a></p>
    </footer>
  </body>
</html>
`;
}

/**
 * Turns a link in a doc into a link to the built pages, or refuses one that would lead out of the build. A link is
 * read from the doc's own folder, so docs/es/ links to "teacher-guide.md" (its Spanish neighbour) and to
 * "../import-formats.md" (an English page).
 */
function docLinkRewriter(source: string): (href: string) => string {
  return (href) => {
    if (href.startsWith('#') || /^(https?:|mailto:)/i.test(href)) return href;
    const [written = '', fragment] = href.split('#', 2);
    const file = posix.normalize(posix.join(posix.dirname(source), written));
    const sourceId = SOURCE_FILE_LINK.exec(file)?.[1];
    const sourcePage = SOURCE_PAGES.find((candidate) => candidate.sourceId === sourceId);
    if (sourcePage) return fragment === undefined ? sourcePage.page : `${sourcePage.page}#${fragment}`;
    const doc = [...TEACHER_DOCS, ...SPANISH_TEACHER_DOCS].find((candidate) => candidate.source === file);
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

function spanishIndexBody(bank: Bank): string {
  const sourcesQuoted = new Set(bank.questions.flatMap((question) => question.evidence.map((e) => e.source))).size;
  const docItem = (doc: TeacherDoc) =>
    `<li><a href="${doc.page}">${escapeHtml(doc.label)}</a>: ${escapeHtml(doc.summary)}</li>`;
  // Every English doc has its Spanish page (a unit test holds this), in the same order.
  const [lessonPlan, guide, ...references] = TEACHER_DOCS.map((english) =>
    SPANISH_TEACHER_DOCS.find((doc) => doc.english === english.page)!,
  ) as [TeacherDoc, TeacherDoc, ...TeacherDoc[]];
  const glossary = SPANISH_TEACHER_DOCS.find((doc) => doc.source === 'es/glosario.md')!;
  return `      <h1 id="para-docentes">Para docentes</h1>
      <p class="lead">
        Source Check es un juego de preguntas para clases de alfabetización mediática. Un artículo de 2020 sobre la
        prohibición de TikTok, sin firma, sin medio y sin fecha, hace una serie de afirmaciones; las órdenes
        ejecutivas, la ley de 2024, la opinión de la Corte Suprema y las órdenes de 2025 de las que habla son
        públicas. Cada pregunta pone una afirmación frente a ellas, y después de cada respuesta el juego muestra las
        palabras exactas de la fuente que la resuelven, de dónde vienen y por qué. Los estudiantes practican cuatro
        pasos para comprobar lo que leen (SIFT) y aprenden a distinguir el documento mismo de un relato sobre él.
      </p>
      <p>
        El juego tiene ${bank.questions.length} preguntas en ${bank.topics.length} temas, cada una resuelta con
        palabras citadas de uno de ${sourcesQuoted} documentos fuente. Las preguntas tienen su traducción al español;
        las citas se muestran en su inglés original, con una traducción no oficial. Funciona en cualquier navegador
        reciente, en un proyector o en los dispositivos de los estudiantes, y sin conexión una vez abierto.
      </p>

      <section aria-labelledby="planificar">
        <h2 id="planificar">Planificar una clase</h2>
        <ul class="page-list">
          ${docItem(lessonPlan)}
          <li><a href="${SPANISH_HANDOUT_PAGE_URL}">Hoja para estudiantes</a>: los cuatro pasos SIFT en una página
            para imprimir, cada uno con una frase del artículo para probarlo, y espacio para notas.</li>
          <li><a href="${SOURCE_PAGES[0]!.page}" hreflang="en">El artículo</a> (en inglés): el artículo sin firma de
            2020 que comprueba el juego, y la <a href="${SOURCE_PAGES[1]!.page}" hreflang="en">Orden ejecutiva
            13942</a>, la fuente primaria para poner a su lado, para proyectar o imprimir.</li>
          ${docItem(glossary)}
        </ul>
      </section>

      <section aria-labelledby="tus-preguntas">
        <h2 id="tus-preguntas">Tus propias preguntas</h2>
        <ul class="page-list">
          ${docItem(guide)}
          ${references.map(docItem).join('\n          ')}
        </ul>
      </section>

      <section aria-labelledby="clase">
        <h2 id="clase">Una ronda para toda la clase</h2>
        <p>
          El modo de clase necesita el servidor del propio juego, en una computadora del aula donde esté instalado el
          proyecto con Node.js 20 o posterior:
        </p>
        <ol>
          <li>En la computadora del proyector, en la carpeta del proyecto, ejecuta
            <code>HOST=0.0.0.0 npm start</code>. Muestra las direcciones que pueden abrir los estudiantes. (Sin
            <code>HOST</code>, solo esa computadora puede abrir el juego: sirve para probarlo.)</li>
          <li>Abre <a href="host.html" hreflang="en"><span lang="en">Host a class</span></a> (dirigir una clase) en
            ese servidor, elige las preguntas, el tiempo de cada una y la puntuación, y proyecta la página.</li>
          <li>Los estudiantes abren el enlace o escanean su código QR, o eligen <strong lang="en">Class</strong> en la
            pantalla de inicio y escriben el código de seis caracteres. La página sigue la clase en directo y
            exporta los resultados en CSV.</li>
        </ol>
        <p>Sin el servidor, cada estudiante puede jugar su propia ronda: <a href="${GAME_URL}">jugar a Source Check</a>.</p>
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
  /** Reads a file of docs/ by name ("lesson-plan.md", "es/lesson-plan.md"). */
  readDoc: (name: string) => string;
  bank: Bank;
  /** The sources' citations in Spanish (questions/es/sources.yaml), for the Spanish handout. */
  spanishSources?: Record<string, SpanishSource>;
}

export function renderTeacherPages({ readDoc, bank, spanishSources }: TeacherSiteInput): TeacherPage[] {
  const docPage = (locale: TeacherLocale) => (doc: TeacherDoc) => {
    const rendered = renderMarkdown(readDoc(doc.source), docLinkRewriter(doc.source));
    const html = layout({
      page: doc.page,
      title: rendered.title,
      description: doc.summary,
      body: rendered.html,
      kind: 'doc',
      locale,
    });
    return { fileName: doc.page, title: rendered.title, html };
  };
  const docs = TEACHER_DOCS.map(docPage('en'));
  const spanishIndexTitle = 'Para docentes';
  const spanish: TeacherPage[] = [
    {
      fileName: SPANISH_TEACHERS_PAGE_URL,
      title: spanishIndexTitle,
      html: layout({
        page: SPANISH_TEACHERS_PAGE_URL,
        title: spanishIndexTitle,
        description:
          'Source Check para docentes: plan de clase, hoja para estudiantes, preguntas propias, modo de clase.',
        body: spanishIndexBody(bank),
        kind: 'index',
        locale: 'es',
      }),
    },
    {
      fileName: SPANISH_HANDOUT_PAGE_URL,
      title: HANDOUT_TEXT.es.title,
      html: layout({
        page: SPANISH_HANDOUT_PAGE_URL,
        title: HANDOUT_TEXT.es.title,
        description: 'Una hoja de una página con los cuatro pasos SIFT, cada uno con una frase para probarlo.',
        body: handoutBody(bank, HANDOUT_TEXT.es, spanishSources),
        kind: 'handout',
        locale: 'es',
      }),
    },
    ...SPANISH_TEACHER_DOCS.map(docPage('es')),
  ];
  const indexTitle = 'For teachers';
  const handoutTitle = HANDOUT_TEXT.en.title;
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
    ...spanish,
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
      } else if (fragment !== undefined && !(target && elementIds(target.html).has(decodeURIComponent(fragment)))) {
        // A heading with accents ("para-ir-más-lejos") is linked percent-encoded, as a browser reads it.
        problems.push(`${page.fileName}: "${href}" points at an anchor that ${file} does not have`);
      }
    }
  }
  return problems;
}
