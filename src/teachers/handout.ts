/**
 * The student handout: the four SIFT moves in our own words, each with one question from the bank as it is
 * played, its right answer and the excerpt that settles it. Every quotation comes from the bank the build
 * ships, never from this file, so the handout can only quote what the validator has checked against a source.
 */
import { NOT_STATED } from '../core/settings.ts';
import type { Bank, Question, Skill } from '../core/types.ts';
import { escapeHtml } from './markdown.ts';

export interface HandoutMove {
  skill: Skill;
  name: string;
  /** What to do, one or two sentences. */
  action: string;
  /** Questions a reader asks themselves. */
  ask: string[];
  /** The bank question that shows the move best; another of the same skill stands in if a bank lacks it. */
  exampleId: string;
}

export const HANDOUT_MOVES: readonly HandoutMove[] = [
  {
    skill: 'stop',
    name: 'Stop',
    action: 'Before you read on, believe or share, pause. Notice how the text makes you feel.',
    ask: ['Do I know who made this?', 'Who does it say found this out, and can I check them?'],
    exampleId: 'article-unnamed-techies',
  },
  {
    skill: 'investigate-source',
    name: 'Investigate the source',
    action: 'Find out who made it, what they know, and what they want you to think or do.',
    ask: ['Is this the document itself, or someone telling me about it?', 'What does its maker gain?'],
    exampleId: 'rs-fact-sheet-14352-is-promotional',
  },
  {
    skill: 'find-better-coverage',
    name: 'Find better coverage',
    action: 'Leave the page and look for what other, more reliable sources say about the same claim.',
    ask: ['Who else reports this, and do they agree?', 'Is there a figure where the text only has a big word?'],
    exampleId: 'article-everyone-uses-it-vs-counted-users',
  },
  {
    skill: 'trace-claims',
    name: 'Trace claims to the original',
    action: 'Follow a quote, date or number back to where it first appeared, and read it there.',
    ask: ['Where did this first appear?', 'Does the original say what the text says it does?'],
    exampleId: 'article-early-july-vs-eo-13942-signing',
  },
];

export interface HandoutExample {
  question: Question;
  answer: string;
  quote: string;
  citation: string;
  /** The sentence of another text the question checks, with where it is from. */
  claim?: { quote: string; citation: string };
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
  const publisher = source.publisher === NOT_STATED ? 'no publisher named' : source.publisher;
  const date = source.date === NOT_STATED ? 'no date given' : DATE_FORMAT.format(new Date(`${source.date}T00:00:00Z`));
  return `${source.title} · ${publisher}, ${date}`;
}

function score(question: Question): number {
  return question.prompt.length + (question.evidence[0]?.quote.length ?? Infinity);
}

/**
 * The example for a move: its chosen question when the bank has it with an excerpt, else the shortest question
 * of that skill that has one (a bank built from QUESTIONS_DIR may not hold ours); none if the skill has none.
 */
export function handoutExample(bank: Bank, move: HandoutMove): HandoutExample | undefined {
  const withExcerpt = bank.questions.filter((question) => question.skill === move.skill && question.evidence[0]);
  const question =
    withExcerpt.find((candidate) => candidate.id === move.exampleId) ??
    [...withExcerpt].sort((a, b) => score(a) - score(b))[0];
  if (!question) return undefined;
  const evidence = question.evidence[0]!;
  return {
    question,
    answer: question.choices.find((choice) => choice.correct)?.text ?? '',
    quote: evidence.quote,
    citation: citation(bank, evidence.source),
    claim: question.claim && { quote: question.claim.quote, citation: citation(bank, question.claim.source) },
  };
}

function moveHtml(move: HandoutMove, index: number, example: HandoutExample | undefined): string {
  const exampleHtml = example
    ? `
      <div class="example">
        <p class="example-label">In the game</p>
        <p class="example-prompt">${escapeHtml(example.question.prompt)}</p>
        <p class="example-answer"><span class="key">Answer:</span> ${escapeHtml(example.answer)}</p>${
          example.claim
            ? `
        <p class="example-claim"><span class="key">The claim:</span> “${escapeHtml(example.claim.quote)}”
          <span class="cite">${escapeHtml(example.claim.citation)}</span></p>`
            : ''
        }
        <blockquote class="example-quote">
          <p>“${escapeHtml(example.quote)}”</p>
          <footer class="cite">${escapeHtml(example.citation)}</footer>
        </blockquote>
      </div>`
    : '';
  return `
    <section class="move" aria-labelledby="move-${move.skill}">
      <h2 id="move-${move.skill}"><span class="move-number" aria-hidden="true">${index + 1}</span> ${escapeHtml(move.name)}</h2>
      <p class="move-action">${escapeHtml(move.action)}</p>
      <ul class="move-ask">${move.ask.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>${exampleHtml}
    </section>`;
}

/** The handout's main content: title, the four moves, and a box for notes. */
export function handoutBody(bank: Bank): string {
  const moves = HANDOUT_MOVES.map((move, index) => moveHtml(move, index, handoutExample(bank, move))).join('');
  return `
    <div class="handout-head">
      <h1>Four moves for checking what you read</h1>
      <p class="handout-name">Name <span class="line"></span></p>
    </div>
    <p class="handout-intro">
      Use these moves on anything you read or watch: a post, an article, a video. They work in any order. The examples are questions from Source Check, where an unsigned article about
      the TikTok ban is held against the documents it talks about.
    </p>
    <div class="moves">${moves}
    </div>
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">My notes</h2>
      <p class="notes-hint">A claim I checked, the source that settles it, and what I found:</p>
      <div class="notes-lines" aria-hidden="true"><span></span><span></span><span></span></div>
    </section>`;
}
