/**
 * The roster's "Time" cell: one student's extended time (standard, ×1.5, ×2, no limit), shown and changed in place,
 * and their request for more time with the one click that grants it.
 */
import type { DashboardPlayer } from '../core/classProtocol';
import {
  REQUESTED_TIME_ACCOMMODATION,
  TIME_ACCOMMODATIONS,
  isTimeAccommodation,
  type TimeAccommodation,
} from '../core/timeAccommodation';
import { button, el } from './dom';
import { t } from './hostLanguage';

/** A student's time as the roster's list names it. */
function timeLabel(accommodation: TimeAccommodation): string {
  return t(`host:time.${accommodation}`);
}

/** What the page says once a student's time is set; it holds from the question they are on. */
export function timeSetText(nickname: string, accommodation: TimeAccommodation): string {
  const what = accommodation === 'standard' ? t('host:time.classStandard') : timeLabel(accommodation);
  return t('host:time.set', { nickname, what });
}

export interface TimeCell {
  cell: HTMLTableCellElement;
  update(player: DashboardPlayer, ended: boolean): void;
}

/** `setTime` sends the teacher's choice to the server (and refreshes the roster). */
export function timeCell(
  player: DashboardPlayer,
  setTime: (accommodation: TimeAccommodation) => Promise<void>,
): TimeCell {
  const select = el('select', {
    data: { name: 'time' },
    attrs: { 'aria-label': t('host:time.label', { nickname: player.nickname }) },
  });
  select.append(
    ...TIME_ACCOMMODATIONS.map((accommodation) =>
      el('option', { text: timeLabel(accommodation), attrs: { value: accommodation } }),
    ),
  );
  select.addEventListener('change', () => {
    if (isTimeAccommodation(select.value)) void setTime(select.value);
  });
  const grantLabel = t('host:time.give', { time: timeLabel(REQUESTED_TIME_ACCOMMODATION) });
  // The request and its button go once granted: focus moves to the time it set rather than to the page.
  const grant = button(grantLabel, () => void setTime(REQUESTED_TIME_ACCOMMODATION).then(() => select.focus()), {
    class: 'small',
    data: { name: 'grant-time' },
    attrs: {
      'aria-label': t('host:time.giveLabel', {
        time: timeLabel(REQUESTED_TIME_ACCOMMODATION),
        nickname: player.nickname,
      }),
    },
  });
  const request = el('p', { class: 'time-request', data: { name: 'time-request' } }, `${t('host:time.asks')} `, grant);
  const cell = el('td', { class: 'time' }, select, request);
  return {
    cell,
    update(current, ended) {
      // A list the teacher has open keeps its choice until they make it.
      if (document.activeElement !== select) select.value = current.timeAccommodation;
      select.disabled = ended;
      cell.dataset.timeAccommodation = current.timeAccommodation;
      request.hidden = !current.asksForMoreTime || ended;
    },
  };
}
