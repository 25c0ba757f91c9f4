/**
 * The class-only pool: questions the game does not ship in its offline bank.json, kept by the class server for
 * class rounds, so a student cannot look a class question's answer up in the game's files. Chosen by a fixed rule
 * from the question ids, not marked in the YAML: within each topic × difficulty × kind (claim or not) the questions
 * are ordered by a stable hash of their id and the first share of them is held back. Adding or renaming a question
 * moves at most one question of its own group across the line; every group keeps the rest for solo play.
 */
import { hashSeed } from './rng';
import type { Question } from './types';

/** The share of every group held back for classes (rounded down: a group of two keeps both for solo play). */
export const CLASS_ONLY_SHARE = 1 / 3;
/** Mixed into the hash, so the split can be drawn afresh (a new salt) should the bank ever leak whole. */
const SALT = 'class-only-v1';

/** The ids of the questions held back for classes. */
export function classOnlyIds(questions: readonly Question[]): Set<string> {
  const groups = new Map<string, Question[]>();
  for (const question of questions) {
    const key = `${question.topic}|${question.difficulty}|${question.claim ? 'claim' : 'plain'}`;
    const group = groups.get(key) ?? [];
    group.push(question);
    groups.set(key, group);
  }
  const held = new Set<string>();
  for (const group of groups.values()) {
    const ranked = group
      .map((question) => ({ id: question.id, rank: hashSeed(`${SALT}:${question.id}`) }))
      .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
    const count = Math.floor(group.length * CLASS_ONLY_SHARE);
    for (const { id } of ranked.slice(0, count)) held.add(id);
  }
  return held;
}

/** The questions the game ships for solo play: every question not held back for classes. */
export function soloQuestions<Q extends Question>(questions: readonly Q[]): Q[] {
  const held = classOnlyIds(questions);
  return questions.filter((question) => !held.has(question.id));
}
