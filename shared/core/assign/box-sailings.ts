/**
 * After the search: which sailing (or port) each container takes, now that boxes are
 * packed exactly. The search priced each container's freight as its share of a full box;
 * here each sailing is packed for real (boxes/pack-sailing.ts), so moving one container to
 * another sailing or port it can still reach before the cut-off can empty a box, or fill
 * a gap in a box of the same destination. Local search over the containers' ends with two
 * moves, best improvement first:
 *
 * - relocate: one container to another reachable end (sailing places permitting);
 * - empty a box: every container of one box to other ends, each to its best, kept only if
 *   the whole is cheaper (one container alone saves nothing while its box mate stays).
 *
 * The score is lexicographic: first the load that no box can take (maxBoxes), then truck
 * cost plus freight (or km, then freight, for the distance objective). Containers still
 * left without a box at the end leave the plan: their jobs become unassigned (NO_CONTAINER).
 */
import { compareItems, packSailing, type SailingPacking } from "../boxes/pack-sailing.js";
import { type Problem, truckCost } from "../problem/problem.js";
import { type BoxItem, boxSlotsOf, loadProfile, tareOf } from "../rules/boxes.js";
import { type EndpointOption, endpointOptions } from "../search/route-eval.js";
import type { Solution } from "../search/solution.js";

interface Score {
  unplacedKg: number;
  main: number;
  tie: number;
}

const EPS = 1e-6;
const ZERO: Score = { unplacedKg: 0, main: 0, tie: 0 };
const add = (a: Score, b: Score): Score => ({
  unplacedKg: a.unplacedKg + b.unplacedKg,
  main: a.main + b.main,
  tie: a.tie + b.tie,
});
const sub = (a: Score, b: Score): Score => ({
  unplacedKg: a.unplacedKg - b.unplacedKg,
  main: a.main - b.main,
  tie: a.tie - b.tie,
});
const MAX_PASSES = 200;
/**
 * Containers packed, at most, over the whole step (a deterministic work cap, not a clock):
 * a sailing of 150 containers is packed in well under a millisecond, so this bounds the
 * step to a fraction of a second on a national week while small weeks never reach it.
 */
const MAX_PACKED = 3_000_000;

function less(a: Score, b: Score): boolean {
  if (Math.abs(a.unplacedKg - b.unplacedKg) > EPS) return a.unplacedKg < b.unplacedKg;
  if (Math.abs(a.main - b.main) > EPS * Math.max(1, Math.abs(b.main))) return a.main < b.main;
  return a.tie < b.tie - EPS;
}

function routeItem(
  p: Problem,
  kind: number,
  jobs: readonly number[],
  weightKg: number,
  key: string,
): BoxItem {
  const type = p.scenario.containerTypes[p.kinds[kind].type];
  const shipments = p.scenario.shipments;
  return {
    key,
    slots: boxSlotsOf(type),
    weightKg: weightKg + tareOf(type),
    loadKg: weightKg,
    ...loadProfile(
      jobs.map((j) => p.jobs[j].handling),
      jobs.map((j) => shipments[p.jobs[j].shipment].destination),
    ),
  };
}

class BoxState {
  readonly assign: number[];
  readonly members: Set<number>[];
  readonly packs: (SailingPacking | null)[];
  readonly count: Int32Array;
  /** Each route's place in the packing order, so a sailing is packed without sorting again. */
  private readonly rank: Int32Array;

  constructor(
    private readonly p: Problem,
    private readonly items: BoxItem[],
    private readonly truck: Map<number, number>[],
    private readonly km: Map<number, number>[],
    start: number[],
  ) {
    this.assign = [...start];
    this.rank = new Int32Array(items.length);
    items
      .map((it, r) => ({ it, r }))
      .sort((a, b) => compareItems(a.it, b.it))
      .forEach(({ r }, k) => {
        this.rank[r] = k;
      });
    this.members = p.endpoints.map(() => new Set<number>());
    this.count = new Int32Array(p.endpoints.length);
    start.forEach((e, r) => {
      this.members[e].add(r);
      this.count[e]++;
    });
    this.packs = p.endpoints.map((ep) =>
      ep.sailing >= 0 ? this.pack(ep.index, this.members[ep.index]) : null,
    );
  }

  /** Containers packed so far (the work cap). */
  packed = 0;

  pack(e: number, members: Iterable<number>): SailingPacking {
    const sailing = (this.p.scenario.sailings ?? [])[this.p.endpoints[e].sailing];
    const list = [...members].sort((a, b) => this.rank[a] - this.rank[b]);
    this.packed += list.length;
    return packSailing(
      list.map((r) => this.items[r]),
      this.p.boxes!.types,
      sailing.maxBoxes ?? Infinity,
      true,
    );
  }

  private packScore(pk: SailingPacking | null): Score {
    if (!pk) return { unplacedKg: 0, main: 0, tie: 0 };
    const unplacedKg = pk.unplaced.reduce((a, it) => a + it.loadKg, 0);
    return this.p.objective === "cost"
      ? { unplacedKg, main: pk.freight, tie: 0 }
      : { unplacedKg, main: 0, tie: pk.freight };
  }

  private routeScore(r: number, e: number): Score {
    return this.p.objective === "cost"
      ? { unplacedKg: 0, main: this.truck[r].get(e)!, tie: 0 }
      : { unplacedKg: 0, main: this.km[r].get(e)!, tie: 0 };
  }

  total(): Score {
    const s: Score = { unplacedKg: 0, main: 0, tie: 0 };
    const add = (x: Score) => {
      s.unplacedKg += x.unplacedKg;
      s.main += x.main;
      s.tie += x.tie;
    };
    this.assign.forEach((e, r) => {
      add(this.routeScore(r, e));
    });
    for (const pk of this.packs) add(this.packScore(pk));
    return s;
  }

  /** r's sailing packed without r (null at a port without sailings). */
  packWithout(r: number): SailingPacking | null {
    const from = this.assign[r];
    if (this.p.endpoints[from].sailing < 0) return null;
    return this.pack(
      from,
      [...this.members[from]].filter((x) => x !== r),
    );
  }

  /**
   * Score change of moving r to `to`, and the packings it would leave; null when `to` is
   * full, or (with `prune`) when the move cannot improve even if `to` took r for free:
   * a container added to a sailing never needs fewer boxes there, so most moves are
   * judged without packing their destination.
   */
  tryMove(
    r: number,
    to: number,
    fromPack: SailingPacking | null = this.packWithout(r),
    prune = false,
  ): { delta: Score; fromPack: SailingPacking | null; toPack: SailingPacking | null } | null {
    const from = this.assign[r];
    if (to === from || !this.truck[r].has(to)) return null;
    if (this.count[to] >= this.p.endpoints[to].maxContainers) return null;
    const partial = add(
      sub(this.routeScore(r, to), this.routeScore(r, from)),
      sub(this.packScore(fromPack), this.packScore(this.packs[from])),
    );
    if (prune && !less(partial, ZERO)) return null;
    const toPack = this.p.endpoints[to].sailing >= 0 ? this.pack(to, [...this.members[to], r]) : null;
    return {
      delta: add(partial, sub(this.packScore(toPack), this.packScore(this.packs[to]))),
      fromPack,
      toPack,
    };
  }

  slotsOf(box: { type: number }): number {
    return this.p.boxes!.types[box.type].slots;
  }

  move(r: number, to: number, fromPack: SailingPacking | null, toPack: SailingPacking | null): void {
    const from = this.assign[r];
    this.members[from].delete(r);
    this.count[from]--;
    this.members[to].add(r);
    this.count[to]++;
    this.assign[r] = to;
    this.packs[from] = fromPack;
    this.packs[to] = toPack;
  }
}

/** Re-choose the containers' ends with exact box packing; returns the jobs that no box could take. */
export function assignBoxSailings(sol: Solution): number[] {
  const p = sol.p;
  if (p.boxes === null || sol.routes.length === 0) return [];
  const routes = sol.routes;
  const options: EndpointOption[][] = routes.map((r) =>
    endpointOptions(p, r.kind, r.jobs, sol.params.fillBonus),
  );
  const truck = routes.map((r, i) => {
    const kind = p.kinds[r.kind];
    return new Map(options[i].map((o) => [o.endpoint, truckCost(kind, o.km)]));
  });
  const km = options.map((opts) => new Map(opts.map((o) => [o.endpoint, o.km])));
  const width = String(routes.length).length;
  const items = routes.map((r, i) =>
    routeItem(p, r.kind, r.jobs, r.weightKg, String(i).padStart(width, "0")),
  );
  // A route whose current end is not among its options (cannot happen after a feasible search) stays put.
  routes.forEach((r, i) => {
    if (!truck[i].has(r.endpoint)) {
      truck[i].set(r.endpoint, truckCost(p.kinds[r.kind], r.km));
      km[i].set(r.endpoint, r.km);
    }
  });
  const state = new BoxState(
    p,
    items,
    truck,
    km,
    routes.map((r) => r.endpoint),
  );

  for (let pass = 0; pass < MAX_PASSES && state.packed < MAX_PACKED; pass++) {
    if (!(relocateBest(state, options) || emptyABox(state, options))) break;
  }

  routes.forEach((route, i) => {
    const e = state.assign[i];
    if (e === route.endpoint) return;
    const o = options[i].find((x) => x.endpoint === e)!;
    sol.assignEndpoint(route, e, o.km, o.obj);
  });
  const unplaced = new Set<number>();
  for (const pk of state.packs) for (const it of pk?.unplaced ?? []) unplaced.add(Number(it.key));
  const dropped: number[] = [];
  for (const i of [...unplaced].sort((a, b) => a - b)) dropped.push(...sol.empty(sol.routes[i]));
  if (dropped.length > 0) sol.tidy([]);
  return dropped;
}

/** The best single relocation, applied if it improves; true when something moved. */
function relocateBest(state: BoxState, options: EndpointOption[][]): boolean {
  let best: { r: number; to: number; d: NonNullable<ReturnType<BoxState["tryMove"]>> } | null = null;
  for (let r = 0; r < options.length; r++) {
    if (options[r].length < 2) continue;
    const without = state.packWithout(r);
    for (const o of options[r]) {
      const d = state.tryMove(r, o.endpoint, without, true);
      if (!d || !less(d.delta, best ? best.d.delta : ZERO)) continue;
      best = { r, to: o.endpoint, d };
    }
  }
  if (!best) return false;
  state.move(best.r, best.to, best.d.fromPack, best.d.toPack);
  return true;
}

/** Move all containers of one box elsewhere when that is cheaper as a whole; true when done. */
function emptyABox(state: BoxState, options: EndpointOption[][]): boolean {
  const before = state.total();
  for (let e = 0; e < state.packs.length; e++) {
    const pk = state.packs[e];
    if (!pk) continue;
    for (const box of pk.boxes) {
      // A full box is worth emptying only when its containers fill gaps elsewhere: rare, and costly to try.
      if (box.slots >= state.slotsOf(box)) continue;
      if (box.items.some((it) => options[Number(it.key)].length < 2)) continue; // one of them cannot move
      if (state.packed >= MAX_PACKED) return false;
      const moved: { r: number; from: number }[] = [];
      let ok = true;
      for (const it of box.items) {
        const r = Number(it.key);
        let choice: { to: number; d: NonNullable<ReturnType<BoxState["tryMove"]>> } | null = null;
        const without = state.packWithout(r);
        for (const o of options[r]) {
          if (o.endpoint === e) continue;
          const d = state.tryMove(r, o.endpoint, without);
          if (d && (!choice || less(d.delta, choice.d.delta))) choice = { to: o.endpoint, d };
        }
        if (!choice) {
          ok = false;
          break;
        }
        moved.push({ r, from: state.assign[r] });
        state.move(r, choice.to, choice.d.fromPack, choice.d.toPack);
      }
      if (ok && moved.length > 0 && less(state.total(), before)) return true;
      // undo, last move first
      for (const { r, from } of moved.reverse()) {
        const d = state.tryMove(r, from);
        if (!d) throw new Error("internal: cannot undo a box move");
        state.move(r, from, d.fromPack, d.toPack);
      }
    }
  }
  return false;
}
