/**
 * The sea boxes' part of evaluating a trip (rule 8), in one place. A container may go on a
 * sailing only if some box could take it: its shipments name one destination at most, and
 * its load plus tare fits a box type serving its temperature. On a sailing it carries an
 * estimate of its freight (its slots' share of the cheapest box per slot), so the search
 * weighs truck kilometres against boxes; the exact packing comes after the search
 * (assign/box-sailings.ts). Returns whether sailings are open to the trip and that freight.
 */
import type { Problem } from "../problem/problem.js";
import { CLASS_INDEX } from "../rules/handling.js";

const REEFER_CLASS_MASK = (1 << CLASS_INDEX.chilled) | (1 << CLASS_INDEX.frozen) | (1 << CLASS_INDEX.live);

export interface BoxTerm {
  /** Sailing endpoints are open to this trip. */
  sailing: boolean;
  /** Expected freight on a sailing (0 for the distance objective). */
  freight: number;
}

const NONE: BoxTerm = Object.freeze({ sailing: false, freight: 0 });

export function boxTerm(
  p: Problem,
  kindIndex: number,
  jobs: ArrayLike<number>,
  len: number,
  weightKg: number,
): BoxTerm {
  const boxes = p.boxes!;
  let destination = -1;
  let reefer = 0;
  for (let q = 0; q < len; q++) {
    const j = p.jobs[jobs[q]];
    if ((REEFER_CLASS_MASK & (1 << j.cls)) !== 0) reefer = 1;
    if (j.destination < 0) continue;
    if (destination < 0) destination = j.destination;
    else if (j.destination !== destination) return NONE; // a box is opened at one place
  }
  const i = kindIndex * 2 + reefer;
  if (weightKg > boxes.maxLoadKg[i] + 1e-9) return NONE;
  return { sailing: true, freight: p.objective === "cost" ? boxes.freightShare[i] : 0 };
}

/** May this job join a trip holding these jobs without closing every endpoint it could use? */
export function destinationsMayMix(p: Problem, route: readonly number[], job: number): boolean {
  const boxes = p.boxes;
  const j = p.jobs[job];
  if (boxes === null || j.destination < 0) return true;
  let mixes = false;
  for (const id of route) {
    const d = p.jobs[id].destination;
    if (d >= 0 && d !== j.destination) {
      mixes = true;
      break;
    }
  }
  if (!mixes) return true;
  // Mixed destinations ride in no box: only a port without sailings can take them.
  for (let w = 0; w < p.maskWords; w++) if ((j.endpointMask[w] & boxes.freeMask[w]) !== 0) return true;
  return false;
}

/** The same for a whole job list: one destination, or a port without sailings they all allow. */
export function destinationsFit(p: Problem, jobs: readonly number[]): boolean {
  const boxes = p.boxes;
  if (boxes === null) return true;
  let destination = -1;
  let mixed = false;
  for (const id of jobs) {
    const d = p.jobs[id].destination;
    if (d < 0) continue;
    if (destination < 0) destination = d;
    else if (d !== destination) mixed = true;
  }
  if (!mixed) return true;
  for (let w = 0; w < p.maskWords; w++) {
    let mask = boxes.freeMask[w];
    for (const id of jobs) mask &= p.jobs[id].endpointMask[w];
    if (mask !== 0) return true;
  }
  return false;
}
