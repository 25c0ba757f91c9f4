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
import { count as countOf, kindText, poolChoiceText, revealText } from './dashboardText';
import { button, el } from './dom';
import { t } from './hostLanguage';
import { localTopicTitle } from './hostQuestions';
import { message, show, type HostPage } from './page';
import { ownQuestionsField, ownQuestionsRefusalText } from './ownQuestions';
import { saveClass, type SavedClass } from './savedClass';
import { refusalText } from './refusals';

/** The time choices, in seconds; null is no time limit. */
const TIME_CHOICES: readonly (number | null)[] = [10, 20, 30, 45, 60, 90, null];

/** A choice of how the class plays. */
export function paceText(pace: ClassPace): string {
  return t(`host:setup.pace.${pace}`);
}

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
  for (const seconds of TIME_CHOICES) {
    const option = el('option', {
      text: seconds === null ? t('host:setup.noTimeLimit') : t('host:setup.seconds', { count: seconds }),
      attrs: { value: seconds === null ? 'none' : String(seconds) },
    });
    if (seconds === 20) option.selected = true;
    time.append(option);
  }
  const topicBoxes = topics.map((topic) => {
    const box = el('input', { attrs: { type: 'checkbox', value: topic.id, name: 'topic' } });
    return { box, label: el('label', { class: 'check' }, box, ` ${localTopicTitle(topic)} (${topic.questions})`) };
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
      label.replaceChildren(
        box,
        ` ${t('host:setup.withCount', { text: kindText(entry.kind as QuestionKind), held: countOf(held, 'question') })}`,
      );
    }
  };
  const reveals = (['immediate', 'settled'] as const).map((reveal) =>
    radio('answer-reveal', reveal, revealText(reveal), reveal === DEFAULT_ANSWER_REVEAL),
  );
  // Live is the form's default for a lesson; the server's default, for a call that names no pace, stays self-paced.
  const paces = [radio('pace', 'live', paceText('live'), true), radio('pace', 'self', paceText('self'), false)];
  const generatedOnly = el('input', { attrs: { type: 'checkbox', id: 'generated-nicknames' } });
  const hold = el('input', { attrs: { type: 'checkbox', id: 'hold-start' } });
  hold.checked = true;
  const learningCheck = el('input', { attrs: { type: 'checkbox', id: 'learning-check' } });
  const own = ownQuestionsField();
  const problem = el('p', { class: 'message error', attrs: { role: 'alert' }, hidden: true });
  const submit = el('button', { text: t('host:setup.create'), attrs: { type: 'submit' }, class: 'primary' });
  const form = el(
    'form',
    { class: 'setup', data: { name: 'setup' } },
    el('p', { text: t('host:setup.intro') }),
    el('fieldset', { data: { name: 'pace' } }, el('legend', { text: t('host:setup.paceLegend') }), ...paces),
    el('label', { attrs: { for: 'question-count' } }, t('host:setup.questionCount')),
    count,
    el('label', { attrs: { for: 'time-limit' } }, t('host:setup.timeLimit')),
    time,
    el('fieldset', {}, el('legend', { text: t('host:setup.topics') }), ...topicBoxes.map((item) => item.label)),
    el(
      'fieldset',
      { data: { name: 'pool' } },
      el('legend', { text: t('host:setup.poolLegend') }),
      ...pools.map((item) => item.label),
    ),
    el(
      'fieldset',
      { data: { name: 'kinds' } },
      el('legend', { text: t('host:setup.kinds') }),
      ...kindBoxes.map((item) => item.label),
    ),
    el(
      'fieldset',
      {},
      el('legend', { text: t('host:setup.scoring') }),
      scoring('speed', t('host:setup.speed'), true),
      scoring('accuracy', t('host:setup.accuracy'), false),
    ),
    el(
      'fieldset',
      { data: { name: 'answer-reveal' } },
      el('legend', { text: t('host:setup.revealLegend') }),
      ...reveals,
    ),
    el('label', { class: 'check' }, generatedOnly, ` ${t('host:setup.generatedOnly')}`),
    el('label', { class: 'check' }, hold, ` ${t('host:setup.hold')}`),
    el('label', { class: 'check' }, learningCheck, ` ${t('host:setup.learningCheck')}`),
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
        problem.textContent = ownQuestionsRefusalText(error) ?? refusalText(error, t('host:setup.notCreated'));
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
