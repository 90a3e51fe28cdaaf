/**
 * Where a portfolio's searches meet (infra/planning/meeting-room.ts): nobody hears back until
 * every search has come or finished, then each one waiting gets the best brought.
 */
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { expect } from "chai";
import type { SharedBest } from "../../../shared/core/search/meetings.js";
import { MeetingRoom } from "../../../shared/infra/planning/meeting-room.js";
import type { PartsThreadTask } from "../../../shared/infra/planning/parts-thread.messages.js";
import { planOnThreads } from "../../../shared/infra/planning/plan-on-threads.js";

const best = (cost: number): SharedBest => ({
  routes: [{ kind: 0, jobs: [cost] }],
  unassigned: [],
  unassignedKg: 0,
  cost,
});

describe("meeting room: the best plan of a meeting to every search waiting", () => {
  const setUp = (threads: number) => {
    const channels = Array.from({ length: threads }, () => new MessageChannel());
    const ids = channels.map((_, k) => `seed-${k}`);
    const room = new MeetingRoom(
      ids,
      channels.map((c) => c.port1),
    );
    const heard = (k: number) => receiveMessageOnPort(channels[k].port2)?.message as SharedBest | undefined;
    const close = () => {
      for (const c of channels) {
        c.port1.close();
        c.port2.close();
      }
    };
    return { room, ids, heard, close };
  };

  it("answers once all have come, each with the best of them", () => {
    const { room, heard, close } = setUp(3);
    room.meet("seed-0", 0, best(900));
    room.meet("seed-2", 0, best(800));
    expect(heard(0)).to.equal(undefined);
    room.meet("seed-1", 0, best(850));
    for (const k of [0, 1, 2]) expect(heard(k)?.cost).to.equal(800);
    close();
  });

  it("ties go to the lower thread", () => {
    const { room, heard, close } = setUp(2);
    room.meet("seed-1", 0, { ...best(700), routes: [{ kind: 0, jobs: [1] }] });
    room.meet("seed-0", 0, { ...best(700), routes: [{ kind: 0, jobs: [0] }] });
    expect(heard(1)?.routes[0].jobs).to.deep.equal([0]);
    close();
  });

  it("a search that finished does not hold the others up", () => {
    const { room, heard, close } = setUp(2);
    room.meet("seed-0", 0, best(500));
    room.meet("seed-1", 0, best(400));
    expect(heard(0)?.cost).to.equal(400);
    room.meet("seed-0", 1, best(450));
    expect(heard(0)).to.equal(undefined);
    room.done("seed-1");
    expect(heard(0)?.cost).to.equal(450);
    // Finished first, then the other comes: answered at once.
    room.meet("seed-0", 2, best(430));
    expect(heard(0)?.cost).to.equal(430);
    close();
  });

  it("is refused with fewer threads than searches: one waiting at a meeting would hold its thread for good", async () => {
    const { room, ids, close } = setUp(2);
    const tasks = ids.map(
      (id): PartsThreadTask => ({
        id,
        scenario: {} as PartsThreadTask["scenario"],
        seed: 1,
        timeLimitMs: 1,
        useClock: false,
        meetAt: [0.5],
      }),
    );
    let refused: unknown;
    await planOnThreads(tasks, 1, "search", () => {}, room).catch((e) => {
      refused = e;
    });
    expect(String(refused)).to.match(/2 search tasks that meet need as many threads, got 1/);
    close();
  });
});
