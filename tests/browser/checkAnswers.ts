/** Scripted students' answers to a class's learning check, sent over HTTP as a student's page sends them. */
import type { CheckResponse } from '../../src/core/discernment';

/** A call to the class server's API (method, path under api/, bearer token, JSON body). */
export type ApiCall = (method: string, path: string, token?: string, body?: unknown) => Promise<unknown>;

/** Sends one student's answers to the check that is due (`stage`), one judgement at a time. */
export async function sendCheckAnswers(
  call: ApiCall,
  playerPath: string,
  token: string,
  stage: string,
  answers: readonly CheckResponse[],
): Promise<void> {
  for (const answer of answers) {
    await call('POST', `${playerPath}/check-answers`, token, {
      stage,
      itemId: answer.itemId,
      judgement: answer.judgement,
      confidence: answer.confidence,
    });
  }
}
