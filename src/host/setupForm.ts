/** The set-up form: the number of questions, the time for each, the topics, the scoring and the held start. */
import type { ClassSettings, DashboardSnapshot, ScoringMode } from '../core/classProtocol';
import { MAX_CLASS_QUESTIONS, MIN_CLASS_QUESTIONS } from '../core/classRules';
import type { ClassApi } from '../net/classApi';
import type { KeyValueStore } from '../storage/SafeStorage';
import { el } from './dom';
import { show, type HostPage } from './page';
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

/**
 * Shows the set-up form; once the class is created it is saved on this browser and `onCreated` opens its
 * dashboard.
 */
export async function showSetup(
  page: HostPage,
  api: ClassApi,
  storage: KeyValueStore,
  onCreated: (saved: SavedClass, snapshot: DashboardSnapshot) => void,
): Promise<void> {
  document.body.dataset.hostState = 'setup';
  const { topics } = await api.topics();
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
  const scoring = (value: ScoringMode, text: string, checked: boolean) => {
    const radio = el('input', { attrs: { type: 'radio', name: 'scoring', value } });
    radio.checked = checked;
    return el('label', { class: 'check' }, radio, ` ${text}`);
  };
  const hold = el('input', { attrs: { type: 'checkbox', id: 'hold-start' } });
  hold.checked = true;
  const problem = el('p', { class: 'message error', attrs: { role: 'alert' }, hidden: true });
  const submit = el('button', { text: 'Create the class', attrs: { type: 'submit' }, class: 'primary' });
  const form = el(
    'form',
    { class: 'setup', data: { name: 'setup' } },
    el('p', {
      text: 'Everyone plays the same questions at their own pace; the server keeps the time and the score.',
    }),
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
      {},
      el('legend', { text: 'Scoring' }),
      scoring('speed', 'Speed and accuracy: 500–1,000 points for a right answer, more the faster', true),
      scoring('accuracy', 'Accuracy only: 1,000 points for every right answer', false),
    ),
    el('label', { class: 'check' }, hold, ' Hold the start until everyone has joined (I press Start)'),
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
    };
    submit.disabled = true;
    problem.hidden = true;
    api.createClass(settings, hold.checked).then(
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
  show(page, form);
  count.focus();
}
