/**
 * The set-up form: the number of questions, the time for each, the topics, where the questions come from, the kinds
 * of question, the scoring, when students see the answer, the nicknames and the held start.
 */
import {
  DEFAULT_ANSWER_REVEAL,
  DEFAULT_CLASS_POOL,
  type AnswerReveal,
  type ClassPace,
  type ClassPool,
  type ClassSettings,
  type DashboardSnapshot,
  type ScoringMode,
} from '../core/classProtocol';
import { MAX_CLASS_QUESTIONS, MIN_CLASS_QUESTIONS } from '../core/classRules';
import type { QuestionKind } from '../core/types';
import type { ClassApi } from '../net/classApi';
import type { KeyValueStore } from '../storage/SafeStorage';
import { KIND_DESCRIPTIONS } from '../core/round';
import { count as countOf, poolChoiceText, REVEAL_TEXT } from './dashboardText';
import { button, el } from './dom';
import { message, show, type HostPage } from './page';
import { ownQuestionsField } from './ownQuestions';
import { saveClass, type SavedClass } from './savedClass';

const TIME_CHOICES: { label: string; value: number | null }[] = [
  { label: '10 seconds', value: 10 },
  { label: '20 seconds', value: 20 },
  { label: '30 seconds', value: 30 },
  { label: '45 seconds', value: 45 },
  { label: '60 seconds', value: 60 },
  { label: '90 seconds', value: 90 },
  { label: 'No time limit', value: null },
];

export const PACE_TEXT: Record<ClassPace, string> = {
  live: 'Live, on the projector: everyone gets the same question at the same moment, and I move the class on',
  self: 'Self-paced: each student plays at their own pace (homework, stations)',
};

/** What the form says above itself: why the saved class is gone, or the finished class it can show on request. */
export interface SetupExtras {
  notice?: string;
  lastClass?: { label: string; open: () => void };
  /** "Your classes": the classes this browser created (keptClasses.ts). */
  kept?: HTMLElement | null;
}

/** A radio button with its label, checked when it is the default. */
function radio(name: string, value: string, text: string, checked: boolean): HTMLLabelElement {
  const input = el('input', { attrs: { type: 'radio', name, value } });
  input.checked = checked;
  return el('label', { class: 'check' }, input, ` ${text}`);
}

/**
 * Shows the set-up form; once the class is created it is saved on this browser and `onCreated` opens its
 * dashboard.
 */
export async function showSetup(
  page: HostPage,
  api: ClassApi,
  storage: KeyValueStore,
  onCreated: (saved: SavedClass, snapshot: DashboardSnapshot) => void,
  extras: SetupExtras = {},
): Promise<void> {
  const { topics, kinds } = await api.topics();
  const count = el('input', {
    attrs: {
      type: 'number',
      id: 'question-count',
      min: String(MIN_CLASS_QUESTIONS),
      max: String(MAX_CLASS_QUESTIONS),
      value: '10',
      required: '',
    },
  });
  const time = el('select', { attrs: { id: 'time-limit' } });
  for (const choice of TIME_CHOICES) {
    const option = el('option', {
      text: choice.label,
      attrs: { value: choice.value === null ? 'none' : String(choice.value) },
    });
    if (choice.value === 20) option.selected = true;
    time.append(option);
  }
  const topicBoxes = topics.map((topic) => {
    const box = el('input', { attrs: { type: 'checkbox', value: topic.id, name: 'topic' } });
    return { box, label: el('label', { class: 'check' }, box, ` ${topic.title} (${topic.questions})`) };
  });
  const scoring = (value: ScoringMode, text: string, checked: boolean) => radio('scoring', value, text, checked);
  const pools = (['class-only', 'all'] as const).map((pool) => ({
    pool,
    label: radio('pool', pool, '', pool === DEFAULT_CLASS_POOL),
  }));
  const kindBoxes = kinds.map((entry) => {
    const box = el('input', { attrs: { type: 'checkbox', value: entry.kind, name: 'kind' } });
    return { entry, box, label: el('label', { class: 'check' }, box) };
  });
  const chosenPool = (): ClassPool =>
    (form.querySelector<HTMLInputElement>('input[name="pool"]:checked')?.value ?? DEFAULT_CLASS_POOL) as ClassPool;
  /** The counts beside each pool follow the ticked topics; those beside each kind follow the chosen pool. */
  const recount = () => {
    const ticked = topicBoxes.filter((item) => item.box.checked).map((item) => item.box.value);
    for (const { pool, label } of pools) label.lastChild!.textContent = ` ${poolChoiceText(pool, topics, ticked)}`;
    const pool = chosenPool();
    for (const { entry, box, label } of kindBoxes) {
      const held = pool === 'class-only' ? entry.classOnlyQuestions : entry.questions;
      label.replaceChildren(box, ` ${KIND_DESCRIPTIONS[entry.kind]} (${countOf(held, 'question')})`);
    }
  };
  const reveals = (['immediate', 'settled'] as const).map((reveal) =>
    radio('answer-reveal', reveal, REVEAL_TEXT[reveal], reveal === DEFAULT_ANSWER_REVEAL),
  );
  // Live is the form's default for a lesson; the server's default, for a call that names no pace, stays self-paced.
  const paces = [radio('pace', 'live', PACE_TEXT.live, true), radio('pace', 'self', PACE_TEXT.self, false)];
  const generatedOnly = el('input', { attrs: { type: 'checkbox', id: 'generated-nicknames' } });
  const hold = el('input', { attrs: { type: 'checkbox', id: 'hold-start' } });
  hold.checked = true;
  const learningCheck = el('input', { attrs: { type: 'checkbox', id: 'learning-check' } });
  const own = ownQuestionsField();
  const problem = el('p', { class: 'message error', attrs: { role: 'alert' }, hidden: true });
  const submit = el('button', { text: 'Create the class', attrs: { type: 'submit' }, class: 'primary' });
  const form = el(
    'form',
    { class: 'setup', data: { name: 'setup' } },
    el('p', {
      text: 'Everyone plays the same questions; the server keeps the time and the score.',
    }),
    el('fieldset', { data: { name: 'pace' } }, el('legend', { text: 'How the class plays' }), ...paces),
    el('label', { attrs: { for: 'question-count' } }, 'Number of questions'),
    count,
    el('label', { attrs: { for: 'time-limit' } }, 'Time for each question'),
    time,
    el(
      'fieldset',
      {},
      el('legend', { text: 'Topics (none ticked: all topics)' }),
      ...topicBoxes.map((item) => item.label),
    ),
    el(
      'fieldset',
      { data: { name: 'pool' } },
      el('legend', { text: 'Questions from' }),
      ...pools.map((item) => item.label),
    ),
    el(
      'fieldset',
      { data: { name: 'kinds' } },
      el('legend', { text: 'Kinds of question (none ticked: all kinds)' }),
      ...kindBoxes.map((item) => item.label),
    ),
    el(
      'fieldset',
      {},
      el('legend', { text: 'Scoring' }),
      scoring('speed', 'Speed and accuracy: 500–1,000 points for a right answer, more the faster', true),
      scoring('accuracy', 'Accuracy only: 1,000 points for every right answer', false),
    ),
    el('fieldset', { data: { name: 'answer-reveal' } }, el('legend', { text: 'Show students the answer' }), ...reveals),
    el(
      'label',
      { class: 'check' },
      generatedOnly,
      ' Generated nicknames only: students keep a made-up name ("Curious Otter") and cannot type their own',
    ),
    el('label', { class: 'check' }, hold, ' Hold the start until everyone has joined (I press Start)'),
    el(
      'label',
      { class: 'check' },
      learningCheck,
      ' Add a check before and after the lesson: twelve claims to judge before the first question and twelve ' +
        'after the last (no clock, no points), and a delayed check you can open one to four weeks later',
    ),
    own.element,
    problem,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const settings: ClassSettings = {
      questionCount: Number(count.value),
      timeLimitSec: time.value === 'none' ? null : Number(time.value),
      topics: topicBoxes.filter((item) => item.box.checked).map((item) => item.box.value),
      scoring: (form.querySelector<HTMLInputElement>('input[name="scoring"]:checked')?.value ?? 'speed') as ScoringMode,
      pool: chosenPool(),
      answerReveal: (form.querySelector<HTMLInputElement>('input[name="answer-reveal"]:checked')?.value ??
        DEFAULT_ANSWER_REVEAL) as AnswerReveal,
      generatedNicknamesOnly: generatedOnly.checked,
      kinds: kindBoxes.filter((item) => item.box.checked).map((item) => item.entry.kind as QuestionKind),
      pace: (form.querySelector<HTMLInputElement>('input[name="pace"]:checked')?.value ?? 'live') as ClassPace,
      ...(learningCheck.checked ? { learningCheck: true } : {}),
    };
    submit.disabled = true;
    problem.hidden = true;
    api.createClass(settings, hold.checked, own.upload()).then(
      async (created) => {
        const saved = { code: created.class.code, token: created.teacherToken };
        saveClass(storage, saved);
        onCreated(saved, await api.dashboard(saved.code, saved.token));
      },
      (error: unknown) => {
        submit.disabled = false;
        problem.textContent = error instanceof Error ? error.message : 'The class could not be created.';
        problem.hidden = false;
      },
    );
  });
  form.addEventListener('change', recount);
  recount();
  const lastClass = extras.lastClass
    ? el('p', {}, button(extras.lastClass.label, extras.lastClass.open, { data: { name: 'show-last-class' } }))
    : null;
  show(
    page,
    ...(extras.notice ? [message(extras.notice)] : []),
    ...(lastClass ? [lastClass] : []),
    ...(extras.kept ? [extras.kept] : []),
    form,
  );
  // Set once the form is on screen, not before its topics arrive.
  document.body.dataset.hostState = 'setup';
  count.focus();
}
