/** axe-core in a page the game's server serves, for the accessibility checks of the game and the teacher pages. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  return axeViolations(page, (impact) => impact === 'serious' || impact === 'critical');
}

/** Every axe-core violation on the page as it is now, moderate and minor included. */
export async function axeAllProblems(page: Page): Promise<string[]> {
  return axeViolations(page, () => true);
}

async function axeViolations(page: Page, counts: (impact: string | null) => boolean): Promise<string[]> {
  // Evaluated rather than added as a script tag: the server's Content-Security-Policy refuses injected scripts.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => counts(violation.impact))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}
