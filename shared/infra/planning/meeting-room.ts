/**
 * Where a portfolio's searches meet (core/search/meetings.ts): each search posts its best at
 * a meeting and waits; once every search has come or finished, each one waiting is sent the
 * best of those that came (ties to the lower thread, so a run is reproducible).
 */
import type { MessagePort } from "node:worker_threads";
import { betterStanding } from "../../core/search/better.js";
import type { SharedBest } from "../../core/search/meetings.js";
import type { ThreadMeetings } from "./plan-on-threads.js";

export class MeetingRoom implements ThreadMeetings {
  /** Meeting index -> thread -> the best it brought. */
  private readonly arrived = new Map<number, Map<number, SharedBest>>();
  private readonly finished = new Set<number>();

  /** @param ports the portfolio's end of each thread's channel, by thread; `ids` name the threads' tasks. */
  constructor(
    private readonly ids: readonly string[],
    private readonly ports: readonly MessagePort[],
  ) {}

  meet(id: string, index: number, best: SharedBest): void {
    const thread = this.ids.indexOf(id);
    let here = this.arrived.get(index);
    if (here === undefined) {
      here = new Map();
      this.arrived.set(index, here);
    }
    here.set(thread, best);
    this.settle(index);
  }

  /** A search that ended will come to no more meetings: those waiting for it go on. */
  done(id: string): void {
    this.finished.add(this.ids.indexOf(id));
    for (const index of [...this.arrived.keys()]) this.settle(index);
  }

  close(): void {
    for (const port of this.ports) port.close();
  }

  private settle(index: number): void {
    const here = this.arrived.get(index)!;
    let absent = 0;
    for (let t = 0; t < this.ids.length; t++) if (!here.has(t) && !this.finished.has(t)) absent++;
    if (absent > 0) return;
    this.arrived.delete(index);
    let best: SharedBest | undefined;
    for (let t = 0; t < this.ids.length; t++) {
      const b = here.get(t);
      if (b !== undefined && (best === undefined || betterStanding(b, best))) best = b;
    }
    for (const t of here.keys()) this.ports[t].postMessage(best);
  }
}
