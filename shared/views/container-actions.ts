/**
 * The one next step a person can take on a container, for the dashboard's button.
 * The service's lifecycle rules (shared/contracts) decide; this only asks them which
 * candidate move they accept, so the button never offers a move the API would refuse.
 */
import { moveTo, pickUpStop } from "../contracts/container-lifecycle.js";

export type NextAction =
  | { kind: "status"; status: "confirmed" | "at-port" | "sailed" }
  | { kind: "pickup"; stop: number; village: string };

export function nextAction(
  status: string,
  stops: { village: string; pickedUp: boolean }[],
): NextAction | undefined {
  for (const target of ["confirmed", "at-port", "sailed"] as const) {
    if (moveTo(status, target).ok) return { kind: "status", status: target };
  }
  const pickedUp = stops.map((s) => s.pickedUp);
  const first = pickedUp.indexOf(false);
  if (first >= 0 && pickUpStop(status, first, pickedUp).ok)
    return { kind: "pickup", stop: first, village: stops[first].village };
  return undefined;
}
