/**
 * The student handout: the four SIFT moves in our own words, each with a sentence of the 2020 article to try it on
 * and a task, never a question of the bank with its answer or the excerpt that settles one (a printed answer key
 * would spoil the game). The sentence is taken from the bank's own copy of the article, so the build refuses a
 * handout that quotes it wrongly.
 */
import { NOT_STATED } from '../core/settings.ts';
import type { Bank, Skill } from '../core/types.ts';
import { foldWhitespace } from '../core/text.ts';
import { UNOFFICIAL_TRANSLATION_LABEL, type SpanishSource } from '../core/spanishBank.ts';
import { escapeHtml } from './markdown.ts';

export interface HandoutMove {
  skill: Skill;
  name: string;
  /** What to do, one or two sentences. */
  action: string;
  /** Questions a reader asks themselves. */
  ask: string[];
  /**
   * A sentence to try the move on, and what to do with it; no answer is given. The sentence is always quoted as
   * published; a handout in another language adds its rendering, marked as unofficial.
   */
  practice: { source: string; quote: string; task: string; translation?: string };
}

const ARTICLE = 'tiktok-ban-article-2020';

export const HANDOUT_MOVES: readonly HandoutMove[] = [
  {
    skill: 'stop',
    name: 'Stop',
    action: 'Before you read on, believe or share, pause. Notice how the text makes you feel.',
    ask: ['Do I know who made this?', 'Who does it say found this out, and can I check them?'],
    practice: {
      source: ARTICLE,
      quote:
        'A fact that gathered the attention of the political jet-set in the United States, as they worry about the ' +
        'implications that the use of the app secretly gives data to the Chinese Communist Party.',
      task: 'Which words are meant to alarm you? What would you need to know before you repeat “secretly gives data”?',
    },
  },
  {
    skill: 'investigate-source',
    name: 'Investigate the source',
    action: 'Find out who made it, what they know, and what they want you to think or do.',
    ask: ['Is this the document itself, or someone telling me about it?', 'What does its maker gain?'],
    practice: {
      source: ARTICLE,
      quote: 'In the Western Hemisphere, criticism of TikTok is almost as abundant as its use.',
      task: 'Who wrote the article this comes from, for which outlet, and when? What does the page let you find out?',
    },
  },
  {
    skill: 'find-better-coverage',
    name: 'Find better coverage',
    action: 'Leave the page and look for what other, more reliable sources say about the same claim.',
    ask: ['Who else reports this, and do they agree?', 'Is there a figure where the text only has a big word?'],
    practice: {
      source: ARTICLE,
      quote: 'Any deal that Microsoft signs with ByteDance need approval by local regulators.',
      task: 'Which document, or which other report, would tell you who had to approve a sale in the United States?',
    },
  },
  {
    skill: 'trace-claims',
    name: 'Trace claims to the original',
    action: 'Follow a quote, date or number back to where it first appeared, and read it there.',
    ask: ['Where did this first appear?', 'Does the original say what the text says it does?'],
    practice: {
      source: ARTICLE,
      quote:
        'In early July, the Donald Trump administration gave TikTok an ultimatum to sell its Chinese stakes by ' +
        'September 15 to an American company',
      task: 'Find the order this sentence is about. What date and what deadline does the order itself give?',
    },
  },
];

/** The same four moves in Spanish, for the Spanish handout; the sentences stay in English, each with its rendering. */
export const SPANISH_HANDOUT_MOVES: readonly HandoutMove[] = [
  {
    skill: 'stop',
    name: 'Detente',
    action: 'Antes de seguir leyendo, de creerlo o de compartirlo, haz una pausa. Fíjate en cómo te hace sentir.',
    ask: ['¿Sé quién hizo esto?', '¿Quién dice que lo descubrió, y puedo comprobarlo?'],
    practice: {
      ...HANDOUT_MOVES[0]!.practice,
      translation:
        'Un hecho que atrajo la atención de la élite política de Estados Unidos, preocupada porque el uso de la ' +
        'aplicación da datos en secreto al Partido Comunista Chino.',
      task: '¿Qué palabras buscan alarmarte? ¿Qué necesitarías saber antes de repetir «da datos en secreto»?',
    },
  },
  {
    skill: 'investigate-source',
    name: 'Investiga la fuente',
    action: 'Averigua quién lo hizo, qué sabe y qué quiere que pienses o hagas.',
    ask: ['¿Es el documento mismo, o alguien que me lo cuenta?', '¿Qué gana quien lo hizo?'],
    practice: {
      ...HANDOUT_MOVES[1]!.practice,
      translation: 'En el hemisferio occidental, las críticas a TikTok son casi tan abundantes como su uso.',
      task: '¿Quién escribió el artículo del que sale esto, para qué medio y cuándo? ¿Qué te deja averiguar la página?',
    },
  },
  {
    skill: 'find-better-coverage',
    name: 'Busca mejor cobertura',
    action: 'Sal de la página y busca qué dicen sobre la misma afirmación otras fuentes más fiables.',
    ask: ['¿Quién más lo cuenta, y están de acuerdo?', '¿Hay una cifra donde el texto solo usa una palabra grande?'],
    practice: {
      ...HANDOUT_MOVES[2]!.practice,
      translation:
        'Cualquier acuerdo que Microsoft firme con ByteDance necesita la aprobación de los reguladores locales.',
      task: '¿Qué documento, u otra noticia, te diría quién tenía que aprobar una venta en Estados Unidos?',
    },
  },
  {
    skill: 'trace-claims',
    name: 'Rastrea las afirmaciones hasta el original',
    action: 'Sigue una cita, una fecha o una cifra hasta donde apareció por primera vez, y léela allí.',
    ask: ['¿Dónde apareció esto por primera vez?', '¿Dice el original lo que el texto dice que dice?'],
    practice: {
      ...HANDOUT_MOVES[3]!.practice,
      translation:
        'A principios de julio, el gobierno de Donald Trump le dio a TikTok un ultimátum para vender sus ' +
        'participaciones chinas antes del 15 de septiembre a una empresa estadounidense',
      task: 'Busca la orden de la que habla esta frase. ¿Qué fecha y qué plazo da la propia orden?',
    },
  },
];

/** The handout's own words in each language. */
export interface HandoutText {
  lang: string;
  title: string;
  name: string;
  intro: string;
  tryIt: string;
  notes: string;
  notesHint: string;
  noPublisher: string;
  noDate: string;
  dates: Intl.DateTimeFormat;
  moves: readonly HandoutMove[];
}

export const HANDOUT_TEXT: Record<'en' | 'es', HandoutText> = {
  en: {
    lang: 'en',
    title: 'Four moves for checking what you read',
    name: 'Name',
    intro:
      'Use these moves on anything you read or watch: a post, an article, a video. They work in any order. Try ' +
      'each on a sentence of the unsigned article about the TikTok ban that Source Check holds against the ' +
      'documents it talks about.',
    tryIt: 'Try it',
    notes: 'My notes',
    notesHint: 'A claim I checked, the source that settles it, and what I found:',
    noPublisher: 'no publisher named',
    noDate: 'no date given',
    /** "6 August 2020", as the game writes dates in its citations. */
    dates: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    moves: HANDOUT_MOVES,
  },
  es: {
    lang: 'es',
    title: 'Cuatro pasos para comprobar lo que lees',
    name: 'Nombre',
    intro:
      'Usa estos pasos con todo lo que lees o ves: una publicación, un artículo, un video. Sirven en cualquier ' +
      'orden. Prueba cada uno con una frase del artículo sin firma sobre la prohibición de TikTok que Source Check ' +
      'compara con los documentos de los que habla. Las frases van en su inglés original.',
    tryIt: 'Pruébalo',
    notes: 'Mis notas',
    notesHint: 'Una afirmación que comprobé, la fuente que la resuelve y lo que encontré:',
    noPublisher: 'no consta el medio',
    noDate: 'sin fecha',
    /** "6 de agosto de 2020", US Spanish. */
    dates: new Intl.DateTimeFormat('es-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    moves: SPANISH_HANDOUT_MOVES,
  },
};

/** A move's practice sentence as the handout prints it, with its citation. */
export interface HandoutPractice {
  quote: string;
  /** The quote's rendering in the handout's language, when that is not the quote's. */
  translation?: string;
  citation: string;
  task: string;
}

/**
 * The source as the handout cites it: in Spanish, the source's Spanish description and publisher from the bank's
 * Spanish overlay (the English ones when it has none).
 */
function citation(bank: Bank, sourceId: string, text: HandoutText, spanish?: Record<string, SpanishSource>): string {
  const source = bank.sources[sourceId];
  if (!source) return sourceId;
  const translated = text.lang === 'es' ? spanish?.[sourceId] : undefined;
  const publisher = source.publisher === NOT_STATED ? text.noPublisher : (translated?.publisher ?? source.publisher);
  const date = source.date === NOT_STATED ? text.noDate : text.dates.format(new Date(`${source.date}T00:00:00Z`));
  return `${translated?.title ?? source.title} · ${publisher}, ${date}`;
}

/** The move's sentence, when the bank's copy of its source holds it word for word; none otherwise. */
export function handoutPractice(
  bank: Bank,
  move: HandoutMove,
  text: HandoutText = HANDOUT_TEXT.en,
  spanish?: Record<string, SpanishSource>,
): HandoutPractice | undefined {
  const source = bank.sources[move.practice.source];
  if (!source || !foldWhitespace(source.text).includes(foldWhitespace(move.practice.quote))) return undefined;
  return {
    quote: move.practice.quote,
    ...(move.practice.translation !== undefined ? { translation: move.practice.translation } : {}),
    citation: citation(bank, source.id, text, spanish),
    task: move.practice.task,
  };
}

function moveHtml(move: HandoutMove, index: number, practice: HandoutPractice | undefined, text: HandoutText): string {
  // A sentence quoted in English on a page in another language says so, for screen readers' voice.
  const quoteLang = text.lang === 'en' ? '' : ' lang="en"';
  const translation =
    practice?.translation !== undefined
      ? `
        <p class="example-translation"><span class="translation-label">${escapeHtml(UNOFFICIAL_TRANSLATION_LABEL)}:</span> ${escapeHtml(practice.translation)}</p>`
      : '';
  const practiceHtml = practice
    ? `
      <div class="example">
        <p class="example-label">${escapeHtml(text.tryIt)}</p>
        <blockquote class="example-quote">
          <p${quoteLang}>“${escapeHtml(practice.quote)}”</p>
          <footer class="cite">${escapeHtml(practice.citation)}</footer>
        </blockquote>${translation}
        <p class="example-task">${escapeHtml(practice.task)}</p>
      </div>`
    : '';
  return `
    <section class="move" aria-labelledby="move-${move.skill}">
      <h2 id="move-${move.skill}"><span class="move-number" aria-hidden="true">${index + 1}</span> ${escapeHtml(move.name)}</h2>
      <p class="move-action">${escapeHtml(move.action)}</p>
      <ul class="move-ask">${move.ask.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>${practiceHtml}
    </section>`;
}

/** The handout's main content: title, the four moves, and a box for notes, in English or in Spanish. */
export function handoutBody(
  bank: Bank,
  text: HandoutText = HANDOUT_TEXT.en,
  spanish?: Record<string, SpanishSource>,
): string {
  const moves = text.moves
    .map((move, index) => moveHtml(move, index, handoutPractice(bank, move, text, spanish), text))
    .join('');
  return `
    <div class="handout-head">
      <h1>${escapeHtml(text.title)}</h1>
      <p class="handout-name">${escapeHtml(text.name)} <span class="line"></span></p>
    </div>
    <p class="handout-intro">
      ${escapeHtml(text.intro)}
    </p>
    <div class="moves">${moves}
    </div>
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">${escapeHtml(text.notes)}</h2>
      <p class="notes-hint">${escapeHtml(text.notesHint)}</p>
      <div class="notes-lines" aria-hidden="true"><span></span><span></span><span></span></div>
    </section>`;
}
