/**
 * What a YAML field held and what the parser said, told in English; small and free of the YAML parser, so that the
 * importer's notes can be worded where the parser is not loaded (the host page's first screen).
 */
import type { ExpectedShape, Found, Violation } from './types.ts';

/** What a field should have held, as the validator says it. */
export const EXPECTED_SHAPES: Readonly<Record<ExpectedShape, string>> = {
  text: 'must be text',
  list: 'must be a list',
  mapping: 'must be a mapping',
  'true-or-false': 'must be true or false',
  choice: 'must be a mapping with text',
  excerpt: 'must be a mapping with source and quote',
  'topic-file': 'a topic file must be a mapping with topic, title and questions',
};

/** What a field holds, as data a message can word in any language. */
export function foundOf(value: unknown): Found {
  if (value === null || value === undefined) return { kind: 'nothing' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  return { kind: 'value', type: typeof value, json: JSON.stringify(value) };
}

/** "nothing", "a list", "a mapping", `number 5`, `string "x"`. */
export function describeFound(found: Found): string {
  if (found.kind === 'nothing') return 'nothing';
  if (found.kind === 'list') return 'a list';
  if (found.kind === 'mapping') return 'a mapping';
  return `${found.type} ${found.json}`;
}

export function describeYamlProblem(violation: Extract<Violation, { rule: 'invalid-yaml' }>): string {
  const { line, column, detail } = violation;
  return line !== undefined ? `invalid YAML at line ${line}, column ${column}: ${detail}` : `invalid YAML: ${detail}`;
}
