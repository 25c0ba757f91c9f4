/** The dashboard's tables of the class's skills, discernment and confidence, and each question's tally. */
import type { ClassSkillSummary, DashboardSnapshot } from '../core/classProtocol';
import type { Tally } from '../core/reports';
import type { Skill } from '../core/types';
import { MIN_ITEMS_TO_COMPARE } from '../core/settings';
import { answeredNote, count, fitText, percent } from './dashboardText';
import { el } from './dom';
import { hostTranslator, t } from './hostLanguage';

/** A SIFT move by its name in the page's language. */
export function skillName(skill: Skill): string {
  return t(`host:skill.${skill}`);
}
import { unsettledNote } from './presenceText';
import { localBriefPrompt, localQuestion } from './hostQuestions';

/** A table with a caption, column headings and one row per item, each row headed by its first cell. */
export function summaryTable(
  name: string,
  caption: string,
  columns: string[],
  rows: { key: string; head: string; cells: (string | Node)[] }[],
): HTMLTableElement {
  return el(
    'table',
    { class: 'summary', data: { name } },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...columns.map((text) => el('th', { text, attrs: { scope: 'col' } })))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { data: { row: row.key } },
          el('th', { text: row.head, attrs: { scope: 'row' } }),
          ...row.cells.map((cell) => el('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** A summary table that a phone scrolls sideways inside its own region (focusable, so a keyboard can scroll it). */
function scrolling(table: HTMLTableElement, label = table.caption?.textContent ?? ''): HTMLElement {
  return el('div', { class: 'table-scroll', attrs: { role: 'region', 'aria-label': label, tabindex: '0' } }, table);
}

/** "3 / 5" with a bar for the back of the room (the numbers say the same to a screen reader). */
function rightOfAsked(tally: Tally): HTMLElement {
  return el(
    'span',
    { class: 'right-of' },
    `${tally.right} / ${tally.asked}`,
    tally.asked > 0
      ? el('progress', { attrs: { max: String(tally.asked), value: String(tally.right), 'aria-hidden': 'true' } })
      : null,
  );
}

/**
 * The SIFT moves: right answers per move, and the weakest with a tip and its most-missed question. `regionLabel`
 * names the table's scrolling region where the page shows it twice (the podium's copy).
 */
export function skillParts(summary: ClassSkillSummary, regionLabel?: string): Node[] {
  const heading = el('h3', { text: t('host:panels.siftHeading') });
  const table = scrolling(
    summaryTable(
      'skill-table',
      t('host:panels.siftCaption'),
      [t('host:panels.move'), t('host:panels.rightOfAsked'), t('host:panels.right'), t('host:panels.weakestFor')],
      summary.skills.map((row) => ({
        key: row.skill,
        head: skillName(row.skill),
        cells: [rightOfAsked(row), percent(row.rate), count(summary.weakestSkillCounts[row.skill], 'player')],
      })),
    ),
    regionLabel,
  );
  const weakest = summary.weakestSkill;
  if (weakest === null) {
    return [heading, table, el('p', { text: t('host:panels.noWeakest') })];
  }
  const row = summary.skills.find((item) => item.skill === weakest)!;
  const missed = summary.mostMissed;
  return [
    heading,
    table,
    el(
      'div',
      { class: 'weakest', data: { name: 'weakest-skill', skill: weakest } },
      el('h3', { text: t('host:panels.weakest', { skill: skillName(weakest) }) }),
      el('p', { text: t('host:panels.rightOf', { right: row.right, asked: row.asked, rate: percent(row.rate) }) }),
      el('p', {}, el('strong', { text: t('host:panels.tip') }), t(`host:tip.${weakest}`)),
      missed
        ? el(
            'p',
            { data: { name: 'most-missed', question: missed.questionId } },
            el('strong', { text: t('host:panels.mostMissed') }),
            t('host:panels.missedBy', {
              prompt: localBriefPrompt(missed),
              missed: missed.missed,
              players: count(missed.asked, 'player'),
            }),
          )
        : null,
    ),
  ];
}

/** True claims against false ones, the claim judgements, and how sure players were. */
export function discernmentParts(summary: ClassSkillSummary): Node[] {
  const { discernment, discernmentCounts: counts } = summary;
  const parts: Node[] = [
    el('h3', { text: t('host:panels.discernmentHeading') }),
    scrolling(
      summaryTable(
        'discernment-table',
        t('host:panels.discernmentCaption'),
        [t('host:panels.claims'), t('host:panels.rightOfAsked'), t('host:panels.right'), t('host:panels.weakerHere')],
        (
          [
            ['true-claims', t('host:panels.trueClaims'), discernment.answers.trueClaims],
            ['false-claims', t('host:panels.falseClaims'), discernment.answers.falseClaims],
          ] as const
        ).map(([key, head, tally]) => ({
          key,
          head,
          cells: [rightOfAsked(tally), percent(tally.rate), count(counts[key], 'player')],
        })),
      ),
    ),
  ];
  const judgements = discernment.judgements;
  if (judgements) {
    parts.push(
      scrolling(
        summaryTable(
          'judgement-table',
          t('host:panels.judgementCaption'),
          [t('host:panels.calledFor'), t('host:panels.rightOfAsked'), t('host:panels.right')],
          (
            [
              ['true-claims', t('host:panels.accurate'), judgements.trueClaims],
              ['false-claims', t('host:panels.inaccurate'), judgements.falseClaims],
              ['unsupported', t('host:panels.cannotTell'), judgements.unsupported],
            ] as const
          ).map(([key, head, tally]) => ({ key, head, cells: [rightOfAsked(tally), percent(tally.rate)] })),
        ),
      ),
    );
  }
  parts.push(
    el(
      'p',
      { data: { name: 'discernment-message', weaker: discernment.weaker } },
      el('strong', { text: t('host:panels.forClass') }),
      t(`host:discernmentMessage.${discernment.weaker}`, { least: MIN_ITEMS_TO_COMPARE }),
    ),
    el('p', {
      class: 'note',
      text: t(discernment.basis === 'judgements' ? 'host:panels.evenByJudgements' : 'host:panels.even', {
        even: count(counts.even, 'player'),
        tooFew: count(counts['not-enough'], 'player'),
      }),
    }),
  );
  if (summary.calibration.some((row) => row.asked > 0)) {
    parts.push(
      el('h3', { text: t('host:panels.confidenceHeading') }),
      scrolling(
        summaryTable(
          'calibration-table',
          t('host:panels.confidenceCaption'),
          [
            t('host:panels.said'),
            t('host:panels.rightOfAsked'),
            t('host:panels.right'),
            t('host:panels.paysBest'),
            t('host:panels.verdict'),
          ],
          summary.calibration.map((row) => ({
            key: row.confidence,
            head: t(`host:confidence.${row.confidence}`),
            cells: [
              rightOfAsked(row),
              percent(row.rate),
              `${percent(row.bestFor.from)}–${percent(row.bestFor.to)}`,
              fitText(row.fit),
            ],
          })),
        ),
      ),
    );
  }
  return parts;
}

/**
 * How the class answered each question once it is settled, the right answer marked; before that only how many
 * answered (the server sends nothing more).
 */
export function questionTallies(snapshot: DashboardSnapshot): HTMLElement[] {
  return snapshot.questions.map((question) => {
    if (!question.settled) {
      return el(
        'article',
        { class: 'question unsettled', data: { question: String(question.position), settled: 'false' } },
        el('h3', { text: t('host:panels.question', { number: question.position + 1 }) }),
        el('p', { class: 'note', text: unsettledNote(question) }),
      );
    }
    const most = Math.max(1, ...question.choices.map((choice) => choice.count));
    const words = localQuestion(
      question.questionId,
      question.prompt,
      question.choices.map((choice) => choice.text),
    );
    return el(
      'article',
      { class: 'question', data: { question: String(question.position), settled: 'true' } },
      el('h3', { text: `${question.position + 1}. ${words.prompt}` }),
      el(
        'ul',
        { class: 'tally' },
        ...question.choices.map((choice, index) =>
          el(
            'li',
            { class: choice.correct ? 'right' : '', data: { choice: String(index) } },
            el('span', { class: 'choice', text: `${choice.correct ? '✔ ' : ''}${words.choices[index]}` }),
            el('progress', { attrs: { max: String(most), value: String(choice.count), 'aria-hidden': 'true' } }),
            el('span', { class: 'count', text: String(choice.count) }),
          ),
        ),
      ),
      el('p', {
        class: 'note',
        text: answeredNote(question),
      }),
    );
  });
}

/** A leaderboard row's rank, nickname and points, as the dashboard and the projector show them. */
export function rankCells(entry: { rank: number; nickname: string; score: number }): HTMLElement[] {
  return [
    el('span', { class: 'rank', text: `${entry.rank}.` }),
    el('span', { class: 'nickname', text: entry.nickname }),
    el('span', {
      class: 'points',
      text: t('host:points', { points: hostTranslator().formatNumber(entry.score) }),
    }),
  ];
}
