/**
 * The student handout: the four SIFT moves in our own words, each with a sentence of the 2020 article to try it on
 * and a task, never a question of the bank with its answer or the excerpt that settles one (a printed answer key
 * would spoil the game). The sentence is taken from the bank's own copy of the article, so the build refuses a
 * handout that quotes it wrongly.
 */
import type { Bank, Skill } from '../core/types.ts';
import { foldWhitespace } from '../core/text.ts';
import { escapeHtml } from './markdown.ts';

export interface HandoutMove {
  skill: Skill;
  name: string;
  /** What to do, one or two sentences. */
  action: string;
  /** Questions a reader asks themselves. */
  ask: string[];
  /** A sentence to try the move on, and what to do with it; no answer is given. */
  practice: { source: string; quote: string; task: string };
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

/** A move's practice sentence as the handout prints it, with its citation. */
export interface HandoutPractice {
  quote: string;
  citation: string;
  task: string;
}

/** "6 August 2020", as the game writes dates in its citations. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function citation(bank: Bank, sourceId: string): string {
  const source = bank.sources[sourceId];
  if (!source) return sourceId;
  const publisher = source.publisher === 'not stated' ? 'no publisher named' : source.publisher;
  const date =
    source.date === 'not stated' ? 'no date given' : DATE_FORMAT.format(new Date(`${source.date}T00:00:00Z`));
  return `${source.title} · ${publisher}, ${date}`;
}

/** The move's sentence, when the bank's copy of its source holds it word for word; none otherwise. */
export function handoutPractice(bank: Bank, move: HandoutMove): HandoutPractice | undefined {
  const source = bank.sources[move.practice.source];
  if (!source || !foldWhitespace(source.text).includes(foldWhitespace(move.practice.quote))) return undefined;
  return { quote: move.practice.quote, citation: citation(bank, source.id), task: move.practice.task };
}

function moveHtml(move: HandoutMove, index: number, practice: HandoutPractice | undefined): string {
  const practiceHtml = practice
    ? `
      <div class="example">
        <p class="example-label">Try it</p>
        <blockquote class="example-quote">
          <p>“${escapeHtml(practice.quote)}”</p>
          <footer class="cite">${escapeHtml(practice.citation)}</footer>
        </blockquote>
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

/** The handout's main content: title, the four moves, and a box for notes. */
export function handoutBody(bank: Bank): string {
  const moves = HANDOUT_MOVES.map((move, index) => moveHtml(move, index, handoutPractice(bank, move))).join('');
  return `
    <div class="handout-head">
      <h1>Four moves for checking what you read</h1>
      <p class="handout-name">Name <span class="line"></span></p>
    </div>
    <p class="handout-intro">
      Use these moves on anything you read or watch: a post, an article, a video. They work in any order. Try each on a sentence of the unsigned article about the TikTok ban that
      Source Check holds against the documents it talks about.
    </p>
    <div class="moves">${moves}
    </div>
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">My notes</h2>
      <p class="notes-hint">A claim I checked, the source that settles it, and what I found:</p>
      <div class="notes-lines" aria-hidden="true"><span></span><span></span><span></span></div>
    </section>`;
}
