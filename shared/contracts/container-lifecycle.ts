/**
 * The container lifecycle, as pure rules: planned -> confirmed -> picked up stop by stop
 * (picking-up, then picked-up when the last stop is loaded) -> at-port -> sailed.
 * The API refuses any other move with a 409 that says what is allowed instead.
 */
export const CONTAINER_STATUS_ORDER = [
  "planned",
  "confirmed",
  "picking-up",
  "picked-up",
  "at-port",
  "sailed",
] as const;
export type LifecycleStatus = (typeof CONTAINER_STATUS_ORDER)[number];

/** Every status a stored container can have: the lifecycle's, or replaced by a later plan. */
export const STORED_CONTAINER_STATUSES = [...CONTAINER_STATUS_ORDER, "superseded"] as const;

/** Statuses a client may set directly; stop pickups go through their own endpoint. */
export const SETTABLE_STATUSES = ["confirmed", "at-port", "sailed"] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

const REQUIRED_BEFORE: Record<SettableStatus, LifecycleStatus> = {
  confirmed: "planned",
  "at-port": "picked-up",
  sailed: "at-port",
};

export type Move = { ok: true; status: LifecycleStatus } | { ok: false; message: string };

export function moveTo(current: string, target: SettableStatus): Move {
  const need = REQUIRED_BEFORE[target];
  if (current === need) return { ok: true, status: target };
  if (current === "superseded") return { ok: false, message: "a later plan replaced this container" };
  if (current === target) return { ok: false, message: `the container is already ${target}` };
  return {
    ok: false,
    message: `cannot move from ${current} to ${target}: only a ${need} container can become ${target}`,
  };
}

/** Marking stop `index` of `stopCount` loaded; `pickedUp` says which stops already are. */
export function pickUpStop(current: string, index: number, pickedUp: boolean[]): Move {
  if (index < 0 || index >= pickedUp.length) {
    return {
      ok: false,
      message: `stop ${index} does not exist (the container has ${pickedUp.length} stops, from 0)`,
    };
  }
  if (current !== "confirmed" && current !== "picking-up") {
    return {
      ok: false,
      message:
        current === "planned"
          ? "confirm the container before its pickups"
          : `cannot pick up at a stop of a ${current} container`,
    };
  }
  if (pickedUp[index]) return { ok: false, message: `stop ${index} is already picked up` };
  const firstOpen = pickedUp.indexOf(false);
  if (firstOpen !== index) {
    return { ok: false, message: `stops are picked up in route order: stop ${firstOpen} comes first` };
  }
  const remaining = pickedUp.filter((p) => !p).length - 1;
  return { ok: true, status: remaining === 0 ? "picked-up" : "picking-up" };
}

/** Containers a re-plan must keep: anything past "planned". */
export const isCommitted = (status: string): boolean => status !== "planned" && status !== "superseded";
