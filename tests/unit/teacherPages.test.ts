import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldWhitespace } from '../../src/core/text';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { HANDOUT_MOVES, HANDOUT_TEXT, handoutPractice, SPANISH_HANDOUT_MOVES } from '../../src/teachers/handout';
import { escapeHtml, headingSlug, renderMarkdown } from '../../src/teachers/markdown';
import {
  anchorHrefs,
  brokenLinks,
  renderTeacherPages,
  SPANISH_TEACHER_DOCS,
  TEACHER_DOCS,
  TEACHER_PAGE_FILES,
  type TeacherPage,
} from '../../src/teachers/pages';
import { TEACHERS_PAGE_URL } from '../../src/game/teacherLinks';
import { UNOFFICIAL_TRANSLATION_LABEL } from '../../src/core/spanishBank';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';

const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const readDoc = (name: string) => readFileSync(join(root, 'docs', name), 'utf8');
const spanishSources = loadSpanishOverlay(join(root, 'questions'), bank, root).overlay.sources;
const pages = renderTeacherPages({ readDoc, bank, spanishSources });
/** The pages written in Spanish; every other page is in English. */
const SPANISH_PAGES = [
  'teachers-es.html',
  'handout-es.html',
  'lesson-plan-es.html',
  'learning-check-es.html',
  'teacher-guide-es.html',
  'question-format-es.html',
  'import-formats-es.html',
  'question-bank-es.html',
  'privacy-es.html',
  'glosario-es.html',
];
const pageNamed = (fileName: string): TeacherPage => pages.find((page) => page.fileName === fileName)!;
/** How long a right answer must be before the handout may not contain it: shorter ones occur in any text. */
const ANSWER_CHARS_THAT_GIVE_AWAY = 12;
/** The build's other pages, beside the teacher pages. */
const OTHER_PAGES = ['index.html', 'host.html'];

describe('markdown to HTML', () => {
  it('takes the title from the first level-1 heading and gives headings GitHub-style ids', () => {
    const { title, html, ids } = renderMarkdown(
      '# The *plan*: who says so?\n\n## In the game: Your questions\n\n## A source — `x/<id>.md`\n\n## Notes\n\n## Notes\n',
      (href) => href,
    );
    expect(title).toBe('The plan: who says so?');
    expect(html).toContain('<h1 id="the-plan-who-says-so">The <em>plan</em>: who says so?</h1>');
    expect(html).toContain('<h2 id="in-the-game-your-questions">');
    // The dash between two spaces leaves two hyphens, and the code's punctuation goes, as on GitHub.
    expect(html).toContain('<h2 id="a-source--xidmd">A source — <code>x/&lt;id&gt;.md</code></h2>');
    expect([...ids]).toEqual([
      'the-plan-who-says-so',
      'in-the-game-your-questions',
      'a-source--xidmd',
      'notes',
      'notes-1',
    ]);
  });

  it('hands every link to the rewriter and renders what it returns', () => {
    const seen: string[] = [];
    const { html, links } = renderMarkdown(
      '# T\n\nSee [the format](question-format.md#rules) and [below](#t).',
      (href) => {
        seen.push(href);
        return href.replace('.md', '.html');
      },
    );
    expect(seen).toEqual(['question-format.md#rules', '#t']);
    expect(links).toEqual(['question-format.html#rules', '#t']);
    expect(html).toContain('<a href="question-format.html#rules">the format</a>');
  });

  it('shows raw HTML as text, refuses images and a document without a title', () => {
    const { html } = renderMarkdown('# T\n\n<a href="secret.md">x</a>\n', (href) => href);
    expect(html).not.toContain('<a href="secret.md"');
    expect(html).toContain('&#60;a href=&#34;secret.md&#34;&#62;');
    expect(() => renderMarkdown('# T\n\n![shot](screenshot.png)\n', (href) => href)).toThrow(/screenshot\.png/);
    expect(() => renderMarkdown('## Only a section\n', (href) => href)).toThrow(/no level-1 heading/);
  });

  it('puts each table in a focusable region named after its section, so a wide one can scroll', () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    const { html } = renderMarkdown(`# T\n\n## Columns\n\n${table}\n${table}\n## Rows\n\n${table}`, (href) => href);
    const regions = [
      ...html.matchAll(/<div class="table-scroll" role="region" aria-label="([^"]+)" tabindex="0">\n<table>/g),
    ];
    expect(regions.map((match) => match[1])).toEqual(['Table: Columns', 'Table 2: Columns', 'Table: Rows']);
  });

  it('numbers a repeated heading', () => {
    const taken = new Set<string>();
    expect([headingSlug('Notes', taken), headingSlug('Notes', taken), headingSlug('Notes', taken)]).toEqual([
      'notes',
      'notes-1',
      'notes-2',
    ]);
  });
});

describe('the teacher pages', () => {
  it('makes the index, the handout and one page per teacher doc', () => {
    expect(pages.map((page) => page.fileName)).toEqual([...TEACHER_PAGE_FILES]);
    expect(TEACHER_PAGE_FILES).toEqual([
      TEACHERS_PAGE_URL,
      'handout.html',
      'lesson-plan.html',
      'learning-check.html',
      'teacher-guide.html',
      'question-format.html',
      'import-formats.html',
      'question-bank.html',
      'privacy.html',
      'article.html',
      'eo-13942.html',
      ...SPANISH_PAGES,
    ]);
  });

  it('serves the article as a page, and the lesson plan links to it there', () => {
    const article = pageNamed('article.html');
    const source = bank.sources['tiktok-ban-article-2020']!;
    expect(article.title).toBe(source.title);
    expect(article.html).toContain('<dt>Author</dt><dd>not stated</dd>');
    expect(article.html).toContain(escapeHtml(source.notes!));
    for (const line of source.text.split('\n').filter((text) => text.trim() !== '')) {
      expect(article.html).toContain(`<p>${escapeHtml(line.trim())}</p>`);
    }
    const lessonPlan = anchorHrefs(pageNamed('lesson-plan.html').html);
    expect(lessonPlan).toContain('article.html');
    expect(lessonPlan).toContain('eo-13942.html');
    expect(lessonPlan.filter((href) => href.includes('questions/sources'))).toEqual([]);
  });

  it('makes the privacy page from docs/privacy.md: what is stored, for how long, and how to delete it', () => {
    const privacy = pageNamed('privacy.html').html;
    for (const heading of ['What is stored', 'Who sees it', 'How long it is kept', 'How to delete it']) {
      expect(privacy).toContain(`>${heading}</h3>`);
    }
    expect(privacy).toContain('no real names asked for');
  });

  it('gives every page a language, a title, one h1, a named navigation and a main landmark', () => {
    for (const page of pages) {
      const spanish = SPANISH_PAGES.includes(page.fileName);
      expect(page.html, page.fileName).toMatch(new RegExp(`^<!doctype html>\n<html lang="${spanish ? 'es' : 'en'}"`));
      expect(page.html).toContain(`<title>${escapeHtml(page.title)} — Source Check</title>`);
      expect(page.html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(page.html).toContain(`<nav aria-label="${spanish ? 'Páginas para docentes' : 'Teacher pages'}">`);
      expect(page.html).toContain('<main id="main">');
      expect(page.html).toContain(`<a href="${page.fileName}" aria-current="page">`);
    }
  });

  it('titles each doc page with its markdown heading', () => {
    for (const doc of [...TEACHER_DOCS, ...SPANISH_TEACHER_DOCS]) {
      const heading = readDoc(doc.source).match(/^# (.+)$/m)![1]!;
      expect(pageNamed(doc.page).title).toBe(heading);
    }
    expect(pageNamed('lesson-plan.html').html).toContain(
      '<title>Lesson plan: who says so? Checking an article about the TikTok ban — Source Check</title>',
    );
  });

  it('rewrites links between the docs to the built pages, anchors included', () => {
    const guide = pageNamed('teacher-guide.html').html;
    expect(guide).toContain('<a href="lesson-plan.html">lesson plan</a>');
    expect(guide).toContain('href="import-formats.html#source-documents-an-excerpt-may-name"');
    expect(guide).toContain('href="#what-the-messages-mean"');
    expect(pageNamed('import-formats.html').html).toContain(
      'href="question-format.html#what-the-validator-enforces-each-problem-names-file-question-id-and-field"',
    );
    for (const page of pages) {
      expect(
        anchorHrefs(page.html).filter((href) => /\.md(#|$)/.test(href)),
        page.fileName,
      ).toEqual([]);
    }
  });

  it('links only to pages of the build and anchors that exist', () => {
    expect(brokenLinks(pages, OTHER_PAGES)).toEqual([]);
    const hrefs = new Set(pages.flatMap((page) => anchorHrefs(page.html)));
    // The index reaches every other teacher page, the game and the class host page.
    for (const file of [...TEACHER_PAGE_FILES, './', 'host.html']) expect(hrefs.has(file), file).toBe(true);
  });

  it('finds a link to a missing page or a missing anchor', () => {
    const broken = [
      ...pages,
      {
        fileName: 'extra.html',
        title: 'Extra',
        html: '<a href="architecture.html">a</a> <a href="lesson-plan.html#nowhere">b</a> <a href="#main">c</a>',
      },
    ];
    expect(brokenLinks(broken, OTHER_PAGES)).toEqual([
      'extra.html: "architecture.html" is not a page of the build',
      'extra.html: "lesson-plan.html#nowhere" points at an anchor that lesson-plan.html does not have',
      'extra.html: "#main" points at an anchor that extra.html does not have',
    ]);
  });

  it('refuses a doc that links to a file the build does not hold', () => {
    const withBadLink = (name: string) =>
      name === 'lesson-plan.md' ? '# Plan\n\nHow it works: [architecture](architecture.md).\n' : readDoc(name);
    expect(() => renderTeacherPages({ readDoc: withBadLink, bank })).toThrow(
      'docs/lesson-plan.md: the link "architecture.md" points at a file that is not in the build',
    );
  });

  it('counts the bank on the index and explains how to start the class server', () => {
    const index = pageNamed(TEACHERS_PAGE_URL).html;
    expect(index).toContain(`${bank.questions.length} questions in ${bank.topics.length} topics`);
    expect(index).toContain('<code>HOST=0.0.0.0 npm start</code>');
    expect(index).toContain('<a href="host.html">Host a class</a>');
  });
});

describe('the teacher pages in Spanish', () => {
  /** The link to the page in the other language, with its language marked for screen readers. */
  const languageLink = (html: string) =>
    /<p class="language"><a href="([^"]+)" lang="(\w+)" hreflang="\w+">([^<]+)<\/a>/.exec(html)!;

  it('links each English page to its Spanish translation as "En español", and back as "In English"', () => {
    const pairs = [
      ['teachers.html', 'teachers-es.html'],
      ['handout.html', 'handout-es.html'],
      ['lesson-plan.html', 'lesson-plan-es.html'],
      ['learning-check.html', 'learning-check-es.html'],
      ['teacher-guide.html', 'teacher-guide-es.html'],
      ['question-format.html', 'question-format-es.html'],
      ['import-formats.html', 'import-formats-es.html'],
      ['question-bank.html', 'question-bank-es.html'],
      ['privacy.html', 'privacy-es.html'],
    ];
    for (const [english, spanish] of pairs) {
      expect(languageLink(pageNamed(english!).html).slice(1), english).toEqual([spanish, 'es', 'En español']);
      expect(languageLink(pageNamed(spanish!).html).slice(1), spanish).toEqual([english, 'en', 'In English']);
    }
    // A page with no translation leads to the other language's index.
    expect(languageLink(pageNamed('article.html').html)[1]).toBe('teachers-es.html');
    expect(languageLink(pageNamed('glosario-es.html').html)[1]).toBe('teachers.html');
  });

  it('lists every doc once on its index, each in its section by page name', () => {
    /** The doc pages each section of an index links to, section by section. */
    const sectionDocs = (html: string, docs: readonly { page: string }[]) =>
      html
        .split('<section')
        .slice(1)
        .map((section) => anchorHrefs(section).filter((href) => docs.some((doc) => doc.page === href)));
    expect(sectionDocs(pageNamed(TEACHERS_PAGE_URL).html, TEACHER_DOCS)).toEqual([
      ['lesson-plan.html', 'learning-check.html'],
      ['teacher-guide.html', 'question-format.html', 'import-formats.html', 'question-bank.html'],
      ['privacy.html'],
    ]);
    expect(sectionDocs(pageNamed('teachers-es.html').html, SPANISH_TEACHER_DOCS)).toEqual([
      ['lesson-plan-es.html', 'learning-check-es.html', 'glosario-es.html'],
      ['teacher-guide-es.html', 'question-format-es.html', 'import-formats-es.html', 'question-bank-es.html'],
      ['privacy-es.html'],
    ]);
  });

  it('translates every teacher doc', () => {
    expect(SPANISH_TEACHER_DOCS.flatMap((doc) => (doc.english ? [doc.english] : []))).toEqual(
      TEACHER_DOCS.map((doc) => doc.page),
    );
  });

  it('frames every Spanish page in Spanish and reaches every Spanish page from the Spanish index', () => {
    const index = pageNamed('teachers-es.html').html;
    for (const file of SPANISH_PAGES) {
      const { html } = pageNamed(file);
      expect(html, file).toContain('<a class="skip-link" href="#main">Ir al contenido</a>');
      expect(html, file).toContain('<span>para docentes</span>');
      expect(index, file).toContain(`href="${file}"`);
    }
    expect(index).toContain(`${bank.questions.length} preguntas en ${bank.topics.length} temas`);
    expect(index).toContain('<code>HOST=0.0.0.0 npm start</code>');
  });

  it('rewrites links from docs/es/ to their Spanish neighbours, the English docs and the source pages', () => {
    const plan = anchorHrefs(pageNamed('lesson-plan-es.html').html);
    expect(plan).toEqual(
      expect.arrayContaining(['teacher-guide-es.html', 'glosario-es.html', 'article.html', 'eo-13942.html']),
    );
    const guide = anchorHrefs(pageNamed('teacher-guide-es.html').html);
    expect(guide).toEqual(
      expect.arrayContaining([
        'lesson-plan-es.html',
        'import-formats.html#source-documents-an-excerpt-may-name',
        `lesson-plan-es.html#${encodeURIComponent('para-ir-más-lejos')}`,
      ]),
    );
    expect(brokenLinks(pages, OTHER_PAGES)).toEqual([]);
  });

  it('prints a Spanish handout: the moves in Spanish, each sentence as published with its unofficial rendering', () => {
    const handout = pageNamed('handout-es.html').html;
    const names = [...handout.matchAll(/<h2 id="move-[^"]+">.*?<\/span> ([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(names).toEqual([
      'Detente',
      'Investiga la fuente',
      'Busca mejor cobertura',
      'Rastrea las afirmaciones hasta el original',
    ]);
    expect(SPANISH_HANDOUT_MOVES.map((move) => move.skill)).toEqual(HANDOUT_MOVES.map((move) => move.skill));
    for (const move of SPANISH_HANDOUT_MOVES) {
      const practice = handoutPractice(bank, move, HANDOUT_TEXT.es, spanishSources)!;
      expect(practice.quote).toBe(HANDOUT_MOVES.find((english) => english.skill === move.skill)!.practice.quote);
      expect(handout).toContain(`<p lang="en">“${escapeHtml(practice.quote)}”</p>`);
      expect(handout).toContain(
        `<span class="translation-label">${UNOFFICIAL_TRANSLATION_LABEL}:</span> ${escapeHtml(move.practice.translation!)}`,
      );
      expect(practice.citation).toBe(
        'Artículo sobre la prohibición de TikTok (reportaje; no se conserva el titular original) · no consta el medio, sin fecha',
      );
    }
    expect(handout).toContain('<h2 id="notes-title">Mis notas</h2>');
  });

  it('dates a Spanish citation the US Spanish way', () => {
    const dated = { ...bank.sources['tiktok-ban-article-2020']!, date: '2020-08-06', publisher: 'The Register' };
    const move = { ...SPANISH_HANDOUT_MOVES[0]! };
    const practice = handoutPractice({ ...bank, sources: { [dated.id]: dated } }, move, HANDOUT_TEXT.es, {});
    expect(practice?.citation).toBe(`${dated.title} · The Register, 6 de agosto de 2020`);
  });
});

describe('the student handout', () => {
  const handout = pageNamed('handout.html').html;

  it('names the four SIFT moves in order', () => {
    const names = [...handout.matchAll(/<h2 id="move-[^"]+">.*?<\/span> ([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(names).toEqual(['Stop', 'Investigate the source', 'Find better coverage', 'Trace claims to the original']);
    expect(HANDOUT_MOVES.map((move) => move.skill)).toEqual([
      'stop',
      'investigate-source',
      'find-better-coverage',
      'trace-claims',
    ]);
  });

  it('gives each move a sentence of the article to try it on, word for word, with a task', () => {
    for (const move of HANDOUT_MOVES) {
      const practice = handoutPractice(bank, move)!;
      expect(practice, move.name).toBeDefined();
      const source = bank.sources[move.practice.source]!;
      expect(foldWhitespace(source.text)).toContain(foldWhitespace(practice.quote));
      expect(handout).toContain(`“${escapeHtml(practice.quote)}”`);
      expect(handout).toContain(escapeHtml(practice.task));
      expect(practice.citation).toBe(
        'TikTok Ban (feature article; original headline not preserved) · no publisher named, no date given',
      );
    }
  });

  it('gives no answer to a question in the bank: no prompt, no right answer, no excerpt that settles one', () => {
    const text = foldWhitespace(handout);
    expect(text).not.toMatch(/Answer:/);
    for (const question of bank.questions) {
      expect(text, question.id).not.toContain(foldWhitespace(escapeHtml(question.prompt)));
      expect(text, question.id).not.toContain(foldWhitespace(escapeHtml(question.evidence[0]!.quote)));
      const answer = question.choices.find((choice) => choice.correct)!.text;
      // Short answers ("Yes", a year) occur in any text; a longer one on the handout would give it away.
      if (answer.length >= ANSWER_CHARS_THAT_GIVE_AWAY) {
        expect(text, question.id).not.toContain(foldWhitespace(escapeHtml(answer)));
      }
    }
  });

  it('leaves out a sentence that the bank it was built with does not hold', () => {
    const move = HANDOUT_MOVES[0]!;
    expect(handoutPractice({ ...bank, sources: {} }, move)).toBeUndefined();
    const changed = { ...bank.sources[move.practice.source]!, text: 'another text' };
    expect(handoutPractice({ ...bank, sources: { [changed.id]: changed } }, move)).toBeUndefined();
  });

  it('has a box for notes', () => {
    expect(handout).toContain('<section class="notes" aria-labelledby="notes-title">');
    expect(handout).toContain('<h2 id="notes-title">My notes</h2>');
  });
});
