/**
 * Can these items go into two bins? The pool search's goal test: it keeps two bins fewer
 * than its target and succeeds once what is left over fits into two, which an exact check
 * decides far earlier than waiting for the pool to empty item by item.
 */

/** Most distinct partial sums the exact check keeps before it gives up (work stays bounded). */
const MAX_SUMS = 1 << 16;

/** Work units per partial sum visited: a map look-up and insert, about 50 ns (a unit is about 32). */
const SUM_WORK = 1.5;

export interface SplitResult {
  /** Positions (into the items given) of the first bin, the rest making the second; null: no split. */
  first: number[] | null;
  /** Work units done, whether or not a split was found. */
  work: number;
}

/**
 * A subset of `weights` whose sum s has total - capacity <= s <= capacity; none when there is
 * none (or the check would exceed its bound on partial sums).
 */
export function splitIntoTwo(weights: readonly number[], capacity: number): SplitResult {
  let total = 0;
  for (const w of weights) total += w;
  if (total > 2 * capacity + 1e-9) return { first: null, work: weights.length };
  const low = total - capacity - 1e-9;
  const high = capacity + 1e-9;
  if (low <= 0) return { first: weights.map((_, i) => i), work: weights.length };
  // Partial sums, each with the item that first reached it and the sum before it: the items
  // are added one at a time, so a path back never uses an item twice.
  const via = new Map<number, { item: number; prev: number }>();
  const sums: number[] = [0];
  let visited = 0;
  const work = () => weights.length + SUM_WORK * visited;
  for (let i = 0; i < weights.length; i++) {
    const count = sums.length;
    for (let k = 0; k < count; k++) {
      visited++;
      const s = sums[k] + weights[i];
      if (s > high || s === 0 || via.has(s)) continue;
      via.set(s, { item: i, prev: sums[k] });
      sums.push(s);
      if (s >= low) return { first: pathTo(via, s), work: work() };
      if (sums.length > MAX_SUMS) return { first: null, work: work() };
    }
  }
  return { first: null, work: work() };
}

function pathTo(via: Map<number, { item: number; prev: number }>, sum: number): number[] {
  const items: number[] = [];
  let s = sum;
  while (s !== 0) {
    const step = via.get(s)!;
    items.push(step.item);
    s = step.prev;
  }
  return items.reverse();
}
