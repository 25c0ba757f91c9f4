import { describe, expect, inject, it } from 'vitest';
import { labelled, openGame, pageErrors, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

async function selfPacedClass(): Promise<string> {
  const response = await fetch(new URL('api/classes', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionCount: 2, timeLimitSec: 10, topics: [], scoring: 'speed' }),
  });
  const created = (await response.json()) as { class: { code: string } };
  return created.class.code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a dropped connection while answering', () => {
  it('counts an answer that gets through in time, and says so; one that does not is time’s up, and says so', async () => {
    const code = await selfPacedClass();
    const page = await openGame(chromium.browser, url, PHONE);
    await page.goto(new URL(`?class=${code}`, url).href);
    await page.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'class-question');

    // Offline for two seconds: the answer is sent again and arrives in time.
    await page.context().setOffline(true);
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.querySelector('#a11y')?.textContent?.includes('connection dropped'));
    await sleep(2000);
    await page.context().setOffline(false);
    await waitForScreen(page, 'class-reveal');
    expect(await page.textContent('#a11y [data-name="arrival"]')).toContain('arrived in time');

    // The second question: offline until its time (and the grace) is over.
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'class-question');
    // A question may have a longer limit of its own than the class's.
    const left = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0] ?? '10');
    await page.context().setOffline(true);
    await page.keyboard.press('2');
    await page.waitForFunction(() => document.querySelector('#a11y')?.textContent?.includes('connection dropped'));
    await sleep((left + 2) * 1000);
    await page.context().setOffline(false);
    await waitForScreen(page, 'class-reveal', 20_000);
    expect(await page.textContent('#a11y [data-name="arrival"]')).toContain('too late');
    expect(await page.$eval('#a11y', (element) => element.textContent ?? '')).toMatch(/time's up/i);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
