/**
 * A thread that plans parts of a big week (see parallel-solve.ts), or a whole week with one
 * seed of a portfolio (seed-portfolio.ts): it receives one part at a time with its seed,
 * budget and the run's deadline, and answers with the part's plan. The
 * clock is the epoch in milliseconds, the same in every thread, so one deadline holds for all.
 */
import { type MessagePort, parentPort, receiveMessageOnPort } from "node:worker_threads";
import type { Meetings, SharedBest } from "../../core/search/meetings.js";
import { solve } from "../../core/solve.js";
import type { PartsThreadReply, PartsThreadTask } from "./parts-thread.messages.js";

const clock = () => performance.timeOrigin + performance.now();

function post(message: PartsThreadReply): void {
  parentPort?.postMessage(message);
}

const nap = new Int32Array(new SharedArrayBuffer(4));

/** Block until the portfolio answers on `port`: the search is synchronous, so it waits here. */
function awaitBest(port: MessagePort): SharedBest {
  for (;;) {
    const reply = receiveMessageOnPort(port);
    if (reply !== undefined) return reply.message as SharedBest;
    Atomics.wait(nap, 0, 0, 1);
  }
}

function meetingsOf(task: PartsThreadTask): Meetings | undefined {
  const port = task.port;
  if (task.meetAt === undefined || port === undefined) return undefined;
  return {
    at: task.meetAt,
    meet: (index, best) => {
      post({ type: "meet", id: task.id, index, best });
      return awaitBest(port);
    },
  };
}

parentPort?.on("message", (task: PartsThreadTask) => {
  try {
    let last = -1;
    const plan = solve(task.scenario, {
      seed: task.seed,
      timeLimitMs: task.timeLimitMs,
      maxIterations: task.maxIterations,
      clock: task.useClock ? clock : undefined,
      deadline: task.deadline,
      // A part is planned whole: the parts were cut to the size one search handles well.
      maxShipmentsPerPart: Number.POSITIVE_INFINITY,
      meetings: meetingsOf(task),
      onProgress: (p) => {
        const step = Math.floor(p.fraction * 20);
        if (step !== last) {
          last = step;
          post({ type: "progress", id: task.id, ...p });
        }
      },
    });
    task.port?.close();
    post({ type: "done", id: task.id, plan });
  } catch (error) {
    post({
      type: "failed",
      id: task.id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
post({ type: "ready" });
