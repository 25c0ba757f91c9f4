/**
 * Downloads and checks bank.json. Started by main.ts before Phaser boots, so the title does not wait for a request
 * made only once the loader scene runs.
 */
import { checkBankBundle } from '../core/bankBundle';
import type { BankBundle } from '../core/types';

export type BankLoadResult = { bundle: BankBundle } | { error: string };

export interface BankRequest {
  result: Promise<BankLoadResult>;
  /** Share of the file received so far, 0–1 (0 until the size is known). */
  progress(): number;
}

export function requestBank(url: string): BankRequest {
  let received = 0;
  let total = 0;
  const result = (async (): Promise<BankLoadResult> => {
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch {
      return { error: `The question bank (${url}) could not be downloaded. Check the connection and reload the page.` };
    }
    if (!response.ok) {
      return { error: `The question bank (${url}) could not be downloaded: the server answered ${response.status}.` };
    }
    total = Number(response.headers.get('Content-Length') ?? 0);
    let text: string;
    try {
      if (response.body && total > 0) {
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.length;
        }
        text = new TextDecoder().decode(concat(chunks, received));
      } else {
        text = await response.text();
      }
    } catch {
      return { error: `The question bank (${url}) was cut off while downloading. Reload the page to try again.` };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { error: 'The question bank is damaged: bank.json is not valid JSON.' };
    }
    const checked = checkBankBundle(data);
    return checked.bundle ? { bundle: checked.bundle } : { error: `The question bank is damaged: ${checked.error}.` };
  })();
  return { result, progress: () => (total > 0 ? Math.min(1, received / total) : 0) };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
