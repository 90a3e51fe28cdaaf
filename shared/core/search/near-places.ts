/**
 * For each place jobs are picked up at, itself and the nearest other places until they hold
 * k jobs: local search's granular neighbourhood (HGS-CVRP's correlated vertices: the k
 * nearest jobs, taken by whole places, since a village week splits shipments into several
 * jobs at one village and those always stay candidates together).
 */
import type { Problem } from "../problem/problem.js";

export interface NearPlaces {
  /** Places (travel-table locations) that have jobs, in a fixed order. */
  places: Int32Array;
  /** Jobs at each place: jobsAt[placeIndex[loc]]. */
  jobsAt: Int32Array[];
  /** loc -> index into places, -1 for a location without jobs. */
  placeIndex: Int32Array;
  /** near[placeIndex] = place indices, itself first, then the nearest until they hold k jobs. */
  near: Int32Array[];
  /** bits[i * places + j] = 1 when j is in near[i] or i in near[j]. */
  bits: Uint8Array;
}

/**
 * Whether the places at travel locations a and b are near each other. A depot or port is
 * near everything: a trip's first and last legs must stay free to change (HGS-CVRP likewise
 * tries every move at a route's ends).
 */
export function isNear(np: NearPlaces, a: number, b: number): boolean {
  const i = np.placeIndex[a];
  const j = np.placeIndex[b];
  return i < 0 || j < 0 || np.bits[i * np.places.length + j] !== 0;
}

const cache = new WeakMap<Problem, Map<number, NearPlaces>>();

export function nearPlaces(p: Problem, k: number): NearPlaces {
  let byK = cache.get(p);
  if (byK === undefined) {
    byK = new Map();
    cache.set(p, byK);
  }
  let out = byK.get(k);
  if (out === undefined) {
    out = build(p, k);
    byK.set(k, out);
  }
  return out;
}

function build(p: Problem, k: number): NearPlaces {
  const size = p.travel.size;
  const km = p.travel.km;
  const placeIndex = new Int32Array(size).fill(-1);
  const lists: number[][] = [];
  const locs: number[] = [];
  for (const job of p.jobs) {
    let at = placeIndex[job.loc];
    if (at < 0) {
      at = locs.length;
      placeIndex[job.loc] = at;
      locs.push(job.loc);
      lists.push([]);
    }
    lists[at].push(job.index);
  }
  // The k nearest others by (km, index), kept sorted while scanning (O(places^2), no sort); as
  // every place holds a job, k places always hold k jobs.
  const near = locs.map((from, i) => {
    const row = from * size;
    const keep = Math.min(k, locs.length - 1);
    const best = new Int32Array(keep);
    const bestKm = new Float64Array(keep);
    let count = 0;
    for (let j = 0; j < locs.length; j++) {
      if (j === i) continue;
      const d = km[row + locs[j]];
      if (count === keep && !(d < bestKm[keep - 1])) continue;
      let at = count < keep ? count++ : keep - 1;
      while (at > 0 && d < bestKm[at - 1]) {
        best[at] = best[at - 1];
        bestKm[at] = bestKm[at - 1];
        at--;
      }
      best[at] = j;
      bestKm[at] = d;
    }
    let take = 0;
    for (let jobs = 0; take < count && jobs < k; take++) jobs += lists[best[take]].length;
    const out = new Int32Array(take + 1);
    out[0] = i;
    out.set(best.subarray(0, take), 1);
    return out;
  });
  const total = locs.length;
  const bits = new Uint8Array(total * total);
  for (let i = 0; i < total; i++) {
    for (const j of near[i]) {
      bits[i * total + j] = 1;
      bits[j * total + i] = 1;
    }
  }
  return {
    bits,
    places: Int32Array.from(locs),
    jobsAt: lists.map((l) => Int32Array.from(l)),
    placeIndex,
    near,
  };
}
