/**
 * CVRPLIB / TSPLIB `.vrp` reader for the capacitated instances (sets A, B, E, F, M, P, X).
 * Only what the Scenario can express is accepted: EUC_2D distances and a capacity. A
 * route-length limit (DISTANCE, SERVICE_TIME: CMT, Golden) is refused rather than dropped,
 * because a benchmark that silently ignores a constraint reports a gap against the wrong
 * problem.
 */

export interface CvrpNode {
  /** node id as written in the file (depot is usually 1) */
  id: number;
  x: number;
  y: number;
  demand: number;
}

export interface CvrpInstance {
  name: string;
  capacity: number;
  depot: CvrpNode;
  /** every non-depot node, in file order */
  customers: CvrpNode[];
  /** the `k` of `A-n32-k5`: the fleet size the CVRPLIB convention fixes; null when the name has none */
  vehicles: number | null;
}

const UNSUPPORTED_KEYS = ["DISTANCE", "SERVICE_TIME"];
const SECTIONS = new Set(["NODE_COORD_SECTION", "DEMAND_SECTION", "DEPOT_SECTION", "EOF"]);

/** `A-n32-k5` -> 5; `CMT1` -> null */
export function vehiclesFromName(name: string): number | null {
  const match = /-k(\d+)$/.exec(name);
  return match ? Number(match[1]) : null;
}

function fail(source: string, message: string): never {
  throw new Error(`${source}: ${message}`);
}

function number(source: string, token: string | undefined, what: string): number {
  const value = Number(token);
  if (token === undefined || token === "" || !Number.isFinite(value))
    fail(source, `${what} is not a number ("${token}")`);
  return value;
}

export function parseCvrplib(text: string, source = "instance"): CvrpInstance {
  const header = new Map<string, string>();
  const coords = new Map<number, { x: number; y: number }>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = "";

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const keyword = line.split(/[\s:]+/)[0];
    if (SECTIONS.has(keyword)) {
      section = keyword;
      if (section === "EOF") break;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon > 0 && /^[A-Z_]+$/.test(line.slice(0, colon).trim())) {
      header.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      section = "";
      continue;
    }
    const tokens = line.split(/\s+/);
    if (section === "NODE_COORD_SECTION") {
      const id = number(source, tokens[0], "node id");
      coords.set(id, {
        x: number(source, tokens[1], `x of node ${id}`),
        y: number(source, tokens[2], `y of node ${id}`),
      });
    } else if (section === "DEMAND_SECTION") {
      const id = number(source, tokens[0], "node id");
      demands.set(id, number(source, tokens[1], `demand of node ${id}`));
    } else if (section === "DEPOT_SECTION") {
      const id = number(source, tokens[0], "depot id");
      if (id !== -1) depots.push(id);
    } else {
      fail(source, `unexpected line "${line}"`);
    }
  }

  const name = header.get("NAME") ?? fail(source, "NAME is missing");
  const edge = header.get("EDGE_WEIGHT_TYPE");
  if (edge !== "EUC_2D") fail(source, `EDGE_WEIGHT_TYPE must be EUC_2D, got "${edge ?? "(none)"}"`);
  for (const key of UNSUPPORTED_KEYS) {
    if (header.has(key)) fail(source, `${key} (a route-length limit) is not expressible in a Scenario`);
  }
  const capacity = number(source, header.get("CAPACITY"), "CAPACITY");
  if (capacity <= 0) fail(source, "CAPACITY must be > 0");
  const dimension = number(source, header.get("DIMENSION"), "DIMENSION");
  if (coords.size !== dimension)
    fail(source, `DIMENSION is ${dimension} but ${coords.size} nodes have coordinates`);
  if (depots.length !== 1) fail(source, `expected exactly one depot, found ${depots.length}`);

  const nodes: CvrpNode[] = [...coords].map(([id, c]) => {
    const demand = demands.get(id);
    if (demand === undefined) fail(source, `node ${id} has no demand`);
    if (demand < 0) fail(source, `node ${id} has a negative demand`);
    return { id, x: c.x, y: c.y, demand };
  });
  const depot =
    nodes.find((n) => n.id === depots[0]) ?? fail(source, `depot ${depots[0]} has no coordinates`);
  return {
    name,
    capacity,
    depot,
    customers: nodes.filter((n) => n !== depot),
    vehicles: vehiclesFromName(name),
  };
}
