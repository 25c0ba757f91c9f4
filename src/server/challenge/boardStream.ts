/**
 * A challenge's board, live, by Server-Sent Events: the board as it is when the stream opens, then again after
 * every change to it (changes in one turn of the event loop are sent once). As with the dashboards (class/hub.ts),
 * nothing is queued for a reader that has stopped reading: it skips boards until its socket drains, then gets the
 * latest. A board is public to anyone with the code, so the streams of one challenge are capped.
 */
import type { ServerResponse } from 'node:http';
import type { ChallengeBoard } from '../../core/challengeProtocol';
import { openStream, type Stream } from '../class/hub';

/** Open streams of one challenge; the oldest is closed when another opens past it. */
export const MAX_BOARD_STREAMS = 200;

export class BoardStreams {
  private readonly streams = new Map<string, Stream[]>();
  private readonly pending = new Set<string>();
  private flushScheduled = false;

  /** `board` resolves with undefined for a challenge that is gone (and never rejects). */
  constructor(private readonly board: (code: string) => Promise<ChallengeBoard | undefined>) {}

  open(code: string, response: ServerResponse, headers: Record<string, string>): void {
    const list = this.streams.get(code) ?? [];
    this.streams.set(code, list);
    const stream = openStream(list, MAX_BOARD_STREAMS, response, headers, () => {
      if (list.length === 0 && this.streams.get(code) === list) this.streams.delete(code);
    });
    response.on('drain', () => {
      if (!stream.behind) return;
      stream.behind = false;
      void this.board(code).then((latest) => {
        if (latest) this.write(stream, format(latest));
      });
    });
    void this.board(code).then((board) => {
      if (board && !response.writableEnded) response.write(format(board));
    });
  }

  /** The board of `code` changed: its streams get it once this turn of the event loop is done. */
  changed(code: string): void {
    if (!this.streams.has(code)) return;
    this.pending.add(code);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const codes = [...this.pending];
      this.pending.clear();
      for (const changed of codes) {
        if (!this.streams.has(changed)) continue;
        void this.board(changed).then((board) => {
          const list = this.streams.get(changed);
          if (!list) return;
          if (!board) {
            for (const stream of [...list]) stream.response.end();
            return;
          }
          const message = format(board);
          for (const stream of list) this.write(stream, message);
        });
      }
    });
  }

  get openStreams(): number {
    let count = 0;
    for (const list of this.streams.values()) count += list.length;
    return count;
  }

  closeAll(): void {
    for (const list of this.streams.values()) for (const stream of [...list]) stream.response.end();
  }

  private write(stream: Stream, message: string): void {
    if (stream.response.writableNeedDrain) {
      stream.behind = true;
      return;
    }
    stream.response.write(message);
  }
}

function format(board: ChallengeBoard): string {
  return `event: board\ndata: ${JSON.stringify(board)}\n\n`;
}
