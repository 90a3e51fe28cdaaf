/**
 * A valid lower bound on the number of containers needed for the load a plan carries.
 * Containers holding different reefer classes are disjoint, and so are those holding dry
 * food and those holding dangerous goods; within each group the bound is the best of
 * weight/volume continuous bounds and Martello-Toth's L2 over whole packages (a package
 * is never split, so any packing of the parts is a packing of its packages).
 */
import type { ContainerType, Handling } from "../model/scenario.js";

export interface BoundItem {
  handling: Handling;
  packages: number;
  unitWeightKg: number;
  unitVolumeM3: number;
}

export interface Capacity {
  weightKg: number;
  volumeM3: number;
}

const EPS = 1e-9;

function ceil(x: number): number {
  return Math.ceil(x - EPS);
}

/** Martello-Toth L2 for items given as (size, count), capacity c. */
export function martelloTothL2(items: [number, number][], c: number): number {
  const sizes = items.filter(([s, n]) => s > EPS && n > 0);
  if (sizes.length === 0) return 0;
  const total = sizes.reduce((acc, [s, n]) => acc + s * n, 0);
  let best = ceil(total / c);
  const candidates = new Set<number>([0]);
  for (const [s] of sizes) if (s <= c / 2 + EPS) candidates.add(s);
  for (const k of candidates) {
    let n1 = 0;
    let n2 = 0;
    let w2 = 0;
    let w3 = 0;
    for (const [s, n] of sizes) {
      if (s > c - k + EPS) n1 += n;
      else if (s > c / 2 + EPS) {
        n2 += n;
        w2 += s * n;
      } else if (s >= k - EPS) w3 += s * n;
    }
    const bound = n1 + n2 + Math.max(0, ceil((w3 - (n2 * c - w2)) / c));
    if (bound > best) best = bound;
  }
  return best;
}

function groupBound(items: BoundItem[], cap: Capacity): number {
  if (items.length === 0) return 0;
  let w = 0;
  let v = 0;
  const bySize = new Map<number, number>();
  for (const it of items) {
    w += it.unitWeightKg * it.packages;
    v += it.unitVolumeM3 * it.packages;
    bySize.set(it.unitWeightKg, (bySize.get(it.unitWeightKg) ?? 0) + it.packages);
  }
  return Math.max(
    1,
    ceil(w / cap.weightKg),
    cap.volumeM3 > 0 ? ceil(v / cap.volumeM3) : 0,
    martelloTothL2([...bySize.entries()], cap.weightKg),
  );
}

/**
 * @param reefer largest reefer container (chilled/frozen/live must ride in one)
 * @param any largest container of any type (ambient goods may ride in either)
 */
export function containerLowerBound(items: BoundItem[], reefer: Capacity | null, any: Capacity): number {
  const of = (...classes: Handling[]) => items.filter((it) => classes.includes(it.handling));
  let bound = 0;
  for (const h of ["chilled", "frozen", "live"] as const) {
    const group = of(h);
    if (group.length > 0 && reefer) bound += groupBound(group, reefer);
  }
  const ambient = of("dry", "general", "dangerous");
  bound += Math.max(groupBound(ambient, any), groupBound(of("dry"), any) + groupBound(of("dangerous"), any));
  return bound;
}

/** The bound for a scenario's container types: the largest reefer for reefer classes, the largest of any for the rest. */
export function lowerBoundForTypes(items: BoundItem[], types: readonly ContainerType[]): number {
  if (items.length === 0 || types.length === 0) return 0;
  const cap = (list: readonly ContainerType[]): Capacity => ({
    weightKg: Math.max(...list.map((t) => t.maxWeightKg)),
    volumeM3: Math.max(...list.map((t) => t.maxVolumeM3)),
  });
  const reefers = types.filter((t) => t.reefer);
  return containerLowerBound(items, reefers.length > 0 ? cap(reefers) : null, cap(types));
}
