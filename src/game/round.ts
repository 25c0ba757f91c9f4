/** Starting a round from the title, "Play again" and links: one place that wires core to services. */
import { sourceCitation } from '../core/citation';
import { formatLongDate } from '../core/dates';
import { dailySeed, roundSettingsForMode, type ModeId } from '../core/modes';
import { roundSettingsFrom, wagerOption } from '../core/preferences';
import { buildRound, questionsOfKinds, type RoundSettings } from '../core/round';
import { startSession, type SessionState } from '../core/session';
import type { PageServices } from './pageServices';

/**
 * A new round in a mode (roundFlow.ts keeps which round is in play). The daily round's seed is the local date and
 * the bank's version, so everyone plays the same questions that day.
 */
export function startNewRound(services: PageServices, mode: ModeId): SessionState {
  const bank = services.bank;
  if (!bank) throw new Error('The question bank has not been loaded');
  const seed = mode === 'daily' ? dailySeed(services.today(), bank.version) : services.newSeed();
  const plan = buildRound(bank.questions, currentRoundSettings(services, mode), seed);
  return startSession(plan, bank.questions, services.now());
}

/**
 * The round the settings ask for in a mode; topics the bank no longer has are ignored (none left means all), and
 * so are the chosen kinds when no question of the chosen topics is of them (the Topics screen says so).
 */
export function currentRoundSettings(services: PageServices, mode: ModeId = 'classic'): RoundSettings {
  const preferences = services.preferences.get();
  const settings = roundSettingsForMode(mode, roundSettingsFrom(preferences), wagerOption(preferences.wager));
  const known = new Set(services.bank?.topics.map((topic) => topic.id) ?? []);
  const { kinds, ...rest } = { ...settings, topics: settings.topics.filter((topic) => known.has(topic)) };
  return kinds && kindsLeaveQuestions(services, rest.topics, kinds) ? { ...rest, kinds } : rest;
}

/** Whether a round of these topics (none: all) narrowed to these kinds has any question to ask. */
export function kindsLeaveQuestions(
  services: PageServices,
  topics: readonly string[],
  kinds: RoundSettings['kinds'] = [],
): boolean {
  const pool = questionsOfKinds(services.bank?.questions ?? [], kinds);
  return pool.some((question) => topics.length === 0 || topics.includes(question.topic));
}

/** "Source title (issuer, 6 August 2020)" for the excerpt card. */
export function citationFor(services: PageServices, sourceId: string): string {
  return sourceCitation(sourceId, services.bank?.sources[sourceId]);
}

/** "6 August 2020": dates as every screen prints them. */
export const formatDate = formatLongDate;
