/**
 * Which weeks are pure bin packing: the only cost a plan can save is containers, and the
 * only thing that keeps two shipments apart is the weight a container takes. Only there may
 * the search drop routing and pack numbers (pack-to-bound.ts); a village week (driving
 * costs, windows, several ports or kinds, handling classes, boxes) never qualifies.
 */
import type { Problem } from "../../problem/problem.js";
import { INCOMPATIBLE_MASK } from "../../rules/handling.js";

export function isPurePacking(p: Problem): boolean {
  if (p.objective !== "cost" || p.kinds.length !== 1 || p.jobs.length === 0) return false;
  if (!p.untimed || !p.singleEndpoint || p.endpoints.length !== 1 || p.boxes !== null) return false;
  const kind = p.kinds[0];
  if (kind.fixedCost <= 0 || kind.limit !== Number.POSITIVE_INFINITY) return false;
  if (p.endpoints[0].maxContainers !== Number.POSITIVE_INFINITY) return false;
  // Driving is free: no cost per km, or every leg is 0 km.
  if (kind.costPerKm !== 0 && p.travel.km.some((km) => km !== 0)) return false;
  let classes = 0;
  let volume = 0;
  const products = new Set<number>();
  for (const j of p.jobs) {
    if (j.kindOk[0] === 0 || j.weightKg > kind.maxWeightKg) return false;
    if ((classes & INCOMPATIBLE_MASK[j.cls]) !== 0) return false;
    classes |= 1 << j.cls;
    volume += j.volumeM3;
    if (j.product >= 0) products.add(j.product);
  }
  for (const q of products) for (const r of p.productConflicts[q]) if (products.has(r)) return false;
  // Volume never binds when everything fits one container by volume: weight alone decides.
  return volume <= kind.maxVolumeM3;
}
