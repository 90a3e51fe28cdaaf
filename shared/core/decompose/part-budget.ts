/**
 * How a time limit is shared when a week is planned in parts: most of it for the parts'
 * searches (in proportion to their shipments, times the number of parts running at once),
 * a tenth for the repair across part borders, and the rest kept for what every run does
 * besides searching (reading, splitting, merging, writing). Pure arithmetic, so the same
 * limit always gives the same budgets: the plan stays reproducible.
 */

/** Share of the limit (wall time) the parts' searches may take. */
export const PARTS_SHARE = 0.72;
/** Share of the limit the repair across part borders may take. */
export const REPAIR_SHARE = 0.1;
/** By this share of the limit every part must be done, whatever the machine's load. */
export const PARTS_DEADLINE_SHARE = 0.84;

export interface PartBudgets {
  /** Each part's search budget, ms. */
  partMs: number[];
  repairMs: number;
}

/**
 * @param shipments each part's shipment count
 * @param parallelism parts planned at the same time (threads); 1 in one process
 */
export function partBudgets(shipments: readonly number[], timeLimitMs: number, parallelism = 1): PartBudgets {
  const total = shipments.reduce((a, n) => a + n, 0);
  const search = PARTS_SHARE * timeLimitMs * Math.max(1, parallelism);
  return {
    partMs: shipments.map((n) => (total > 0 ? (search * n) / total : search / Math.max(1, shipments.length))),
    repairMs: REPAIR_SHARE * timeLimitMs,
  };
}
