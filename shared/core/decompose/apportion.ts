/**
 * Sharing a whole number of places (a depot's containers, a sailing's slots) between parts
 * in proportion to what each part is expected to need: the largest-remainder method, so
 * the shares always add up to the total exactly and the merged plan cannot overrun it.
 */

/** Whole shares of `total` proportional to `demand` (ties: the earlier part). All zero demand: equal shares. */
export function largestRemainder(total: number, demand: readonly number[]): number[] {
  const n = demand.length;
  if (n === 0) return [];
  const sum = demand.reduce((a, d) => a + Math.max(0, d), 0);
  const weights = sum > 0 ? demand.map((d) => Math.max(0, d) / sum) : demand.map(() => 1 / n);
  const exact = weights.map((w) => w * total);
  const shares = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - shares.reduce((a, s) => a + s, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - shares[i] }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) shares[order[k].i]++;
  return shares;
}
