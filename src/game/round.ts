/** Starting a round from the title, "Play again" and (later) links: one place that wires core to services. */
import { roundSettingsFrom } from '../core/preferences';
import { buildRound, type RoundSettings } from '../core/round';
import { startSession, type SessionState } from '../core/session';
import type { GameServices } from './services';

export function startNewRound(services: GameServices, seed = services.newSeed()): SessionState {
  const bank = services.bank;
  if (!bank) throw new Error('The question bank has not been loaded');
  // A round of one's own: any challenge being replayed is over.
  services.activeChallenge = undefined;
  const plan = buildRound(bank.questions, currentRoundSettings(services), seed);
  return startSession(plan, bank.questions, services.now());
}

/** The round the settings ask for; topics the bank no longer has are ignored (none left means all). */
export function currentRoundSettings(services: GameServices): RoundSettings {
  const settings = roundSettingsFrom(services.preferences.get());
  const known = new Set(services.bank?.topics.map((topic) => topic.id) ?? []);
  return { ...settings, topics: settings.topics.filter((topic) => known.has(topic)) };
}

/** "Source title (issuer, 6 August 2020)" for the excerpt card. */
export function citationFor(services: GameServices, sourceId: string): string {
  const source = services.bank?.sources[sourceId];
  if (!source) return sourceId;
  const date = formatDate(source.date);
  return `${source.title} (${source.publisher}, ${date})`;
}

export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}
