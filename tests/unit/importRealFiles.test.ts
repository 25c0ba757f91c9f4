/**
 * Files as teachers really have them. `defects/` holds the smallest input of each way real Moodle and Excel files
 * were misread (numbered as in the list of those defects); `real/` holds whole files that read like real exports:
 * a Moodle category export with HTML, Kahoot!'s template saved by Excel as Windows-1252. Beside each file,
 * `<name>.expected` is what the import must come to: what was changed, what was skipped, and the questions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/core/bank';
import {
  exportTopicYaml,
  importFileBytes,
  importFormatOf,
  importQuestions,
  importReportLines,
  type ImportResult,
} from '../../src/core/import/index';
import { readSourceFiles } from '../../src/server/bankFiles';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');
const sources = parseSources(readSourceFiles(join(fixtures, 'sources'), fixtures), []);
const EXPECTED = '.expected';

/** The import as one text to compare: the report's two lists, then the questions as the bank's YAML. */
function importText(result: ImportResult): string {
  const { changed, skipped } = importReportLines(result);
  return [
    '# Changed',
    ...changed,
    '',
    '# Skipped',
    ...skipped,
    '',
    '# Questions',
    exportTopicYaml(result.topic, result.questions),
  ].join('\n');
}

function inputs(folder: string): string[] {
  return readdirSync(join(fixtures, folder))
    .filter((name) => importFormatOf(name) !== undefined)
    .map((name) => `${folder}/${name}`);
}

const FILES = [...inputs('defects'), ...inputs('real')];

/** A fixture read as the game reads a chosen file: by its bytes, under its own name. */
function readFixture(file: string): ImportResult {
  return importFileBytes(file.split('/').pop()!, readFileSync(join(fixtures, file)), { sources });
}

describe('teachers’ real files', () => {
  it.each(FILES)('%s imports as its expected text', (file) => {
    const result = readFixture(file);
    const expected = readFileSync(join(fixtures, file.replace(/\.[a-z]+$/, EXPECTED)), 'utf8');
    expect(importText(result)).toBe(expected);
  });

  it.each(FILES.filter((file) => readFixture(file).questions.length > 0))(
    '%s: its questions come back the same from the YAML they are saved as',
    (file) => {
      const first = readFixture(file);
      const yaml = exportTopicYaml(first.topic, first.questions);
      const again = importQuestions({ path: `${first.topic.id}.yaml`, text: yaml }, { sources });
      expect(again.problems).toEqual([]);
      expect(again.questions).toEqual(first.questions);
    },
  );

  it('has an input for every expected text, and one defect fixture for each of the eleven', () => {
    const expected = ['defects', 'real'].flatMap((folder) =>
      readdirSync(join(fixtures, folder))
        .filter((name) => name.endsWith(EXPECTED))
        .map((name) => `${folder}/${name.slice(0, -EXPECTED.length)}`),
    );
    expect(expected.sort()).toEqual(FILES.map((file) => file.replace(/\.[a-z]+$/, '')).sort());
    const numbers = new Set(inputs('defects').map((file) => Number(/\/(\d+)-/.exec(file)![1])));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
