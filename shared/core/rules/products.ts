/**
 * Products that never share a container, whatever their handling class allows.
 * The defaults are the pairs we know from the products BUMDes export; a scenario adds
 * its own in `rules.neverTogether`. Data, not logic: the checker imports this list too.
 */
export const DEFAULT_NEVER_TOGETHER: readonly (readonly [string, string])[] = [
  // Green coffee absorbs odours: seaweed, oils and durian taint it.
  ["coffee", "dried-seaweed"],
  ["coffee", "essential-oil"],
  ["coffee", "durian"],
  // Flour takes on the iodine smell of seaweed and the smell of oils.
  ["banana-flour", "dried-seaweed"],
  ["banana-flour", "essential-oil"],
  // Cocoa and tea are as odour-sensitive as coffee.
  ["cocoa", "dried-seaweed"],
  ["tea", "dried-seaweed"],
  ["tea", "essential-oil"],
  // Ethylene from ripening avocados and bananas speeds the ripening of other fruit.
  ["avocado", "banana"],
  // Live animals travel only with their own kind.
  ["mud-crab", "lobster"],
];

/** The rule set a scenario is planned under: the defaults plus the scenario's own pairs. */
export function neverTogetherPairs(
  scenarioPairs: readonly (readonly [string, string])[] = [],
): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [a, b] of [...DEFAULT_NEVER_TOGETHER, ...scenarioPairs]) {
    if (a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}
