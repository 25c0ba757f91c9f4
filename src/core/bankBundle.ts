/** Checks the downloaded bank.json (kept apart from the YAML parser, which the game does not need). */
import { MIN_CHOICES } from './settings';
import type { BankBundle } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the downloaded bank.json before the game trusts it (it was validated at build time, but a
 * proxy, a stale cache or a hand edit can still hand the game something else).
 */
export function checkBankBundle(data: unknown): { bundle?: BankBundle; error?: string } {
  if (!isRecord(data)) return { error: 'bank.json is not a JSON object' };
  if (!Array.isArray(data.questions) || !Array.isArray(data.topics) || !isRecord(data.sources)) {
    return { error: 'bank.json lacks its questions, topics or sources' };
  }
  const sources = data.sources;
  for (const [index, raw] of data.questions.entries()) {
    const where = `bank.json, question ${index + 1}`;
    if (!isRecord(raw) || typeof raw.id !== 'string') return { error: `${where}: has no id` };
    if (typeof raw.prompt !== 'string' || !Array.isArray(raw.choices) || raw.choices.length < MIN_CHOICES) {
      return { error: `${where} ("${raw.id}"): prompt or choices are missing` };
    }
    const correct = raw.choices.filter((choice) => isRecord(choice) && choice.correct === true).length;
    if (correct !== 1) return { error: `${where} ("${raw.id}"): needs exactly one correct choice` };
    const first = Array.isArray(raw.evidence) ? raw.evidence[0] : undefined;
    if (!isRecord(first) || typeof first.source !== 'string' || !isRecord(sources[first.source])) {
      return { error: `${where} ("${raw.id}"): its evidence names no known source` };
    }
  }
  if (data.questions.length === 0) return { error: 'bank.json holds no questions' };
  return { bundle: data as unknown as BankBundle };
}
