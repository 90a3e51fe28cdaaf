/**
 * What an exporter or coordinator reads about a container: how full it is, what it
 * carries, when it reaches the port and how much time remains before the cut-off.
 * Port times are shown in the port's zone; pickup times in each village's zone.
 */
import type { Plan, PlanContainer } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { type NextAction, nextAction } from "./container-actions.js";
import { formatLocalDateTime, minutesBetween } from "./local-time.js";
import type { Lang } from "./locale.js";
import {
  formatDuration,
  formatIdr,
  formatKg,
  formatKm,
  formatM3,
  formatNumber,
  formatPercent,
} from "./number-format.js";
import { sum } from "./pickup-schedule.js";
import { indexScenario, type ScenarioIndex } from "./scenario-index.js";
import { type MessageKey, translate } from "./translate.js";

export interface ContainerShipmentView {
  shipment: string;
  village: string;
  product?: string;
  exporter?: string;
  destination?: string;
  packages: number;
  weightKg: number;
  volumeM3: number;
  weight: string;
}

export interface ContainerStopView {
  /** 0-based, as the API's stop endpoints count */
  index: number;
  pickedUp: boolean;
  village: string;
  villageName: string;
  loadStart: string;
  when: string;
}

export interface ContainerView {
  id: string;
  type: string;
  reefer: boolean;
  depot: string;
  depotName: string;
  port: string;
  portName: string;
  sailing?: string;
  status?: string;
  statusLabel?: string;
  /** the one move the lifecycle allows next, for the dashboard's button */
  nextAction?: NextAction;
  weightKg: number;
  volumeM3: number;
  weightFill: number;
  volumeFill: number;
  departDepot: string;
  portArrival: string;
  cutoff?: string;
  departure?: string;
  /** minutes from port arrival to the cut-off: the slack a late truck has */
  marginMinutes?: number;
  /** minutes from now to the cut-off, when a clock was given */
  cutoffInMinutes?: number;
  stops: ContainerStopView[];
  shipments: ContainerShipmentView[];
  text: {
    weight: string;
    volume: string;
    weightFill: string;
    volumeFill: string;
    departDepot: string;
    portArrival: string;
    cutoff?: string;
    departure?: string;
    margin?: string;
    countdown?: string;
    statusSince?: string;
    cost: string;
    distance: string;
  };
}

export interface ContainerViewOptions {
  /** now, milliseconds since epoch, for the cut-off countdown (the caller owns the clock) */
  nowMs?: number;
  /** container id -> lifecycle status (planned, confirmed, picking-up, picked-up, at-port, sailed) */
  statuses?: Record<string, string>;
  /** container id -> instant of the last status change */
  statusSince?: Record<string, string>;
  /** container id -> which stops are already loaded */
  pickedUp?: Record<string, boolean[]>;
}

export function containerView(
  container: PlanContainer,
  index: ScenarioIndex,
  lang: Lang,
  options: ContainerViewOptions = {},
): ContainerView {
  const type = index.containerTypes.get(container.type);
  const depot = index.depots.get(container.depot);
  const port = index.ports.get(container.port);
  const sailing = container.sailing ? index.sailings.get(container.sailing) : undefined;
  const portZone = port?.timeZone;
  const weightFill = type ? container.weightKg / type.maxWeightKg : 0;
  const volumeFill = type ? container.volumeM3 / type.maxVolumeM3 : 0;
  const marginMinutes = sailing ? minutesBetween(container.portArrival, sailing.cutoff) : undefined;
  const cutoffInMinutes =
    sailing && options.nowMs !== undefined ? minutesBetween(options.nowMs, sailing.cutoff) : undefined;
  const status = options.statuses?.[container.id];
  const statusKey = status ? STATUS_KEYS[status] : undefined;
  const since = options.statusSince?.[container.id];
  const stops = container.stops.map((stop, i): ContainerStopView => {
    const village = index.villages.get(stop.village);
    return {
      index: i,
      pickedUp: options.pickedUp?.[container.id]?.[i] ?? false,
      village: stop.village,
      villageName: village?.name ?? stop.village,
      loadStart: stop.loadStart,
      when: formatLocalDateTime(stop.loadStart, village?.timeZone, lang),
    };
  });

  const shipments: ContainerShipmentView[] = [];
  for (const stop of container.stops) {
    for (const load of stop.load) {
      const shipment = index.shipments.get(load.shipment);
      shipments.push({
        shipment: load.shipment,
        village: stop.village,
        product: shipment?.product,
        exporter: shipment?.exporter,
        destination: shipment?.destination,
        packages: load.packages,
        weightKg: load.weightKg,
        volumeM3: load.volumeM3,
        weight: formatKg(load.weightKg, lang),
      });
    }
  }

  return {
    id: container.id,
    type: container.type,
    reefer: type?.reefer ?? false,
    depot: container.depot,
    depotName: depot?.name ?? container.depot,
    port: container.port,
    portName: port?.name ?? container.port,
    sailing: container.sailing,
    status,
    statusLabel: statusKey ? translate(lang, statusKey) : status,
    nextAction: status ? nextAction(status, stops) : undefined,
    weightKg: container.weightKg,
    volumeM3: container.volumeM3,
    weightFill,
    volumeFill,
    departDepot: container.departDepot,
    portArrival: container.portArrival,
    cutoff: sailing?.cutoff,
    departure: sailing?.departure,
    marginMinutes,
    cutoffInMinutes,
    stops,
    shipments,
    text: {
      weight: type
        ? `${formatKg(container.weightKg, lang)} / ${formatKg(type.maxWeightKg, lang)}`
        : formatKg(container.weightKg, lang),
      volume: type
        ? `${formatM3(container.volumeM3, lang)} / ${formatM3(type.maxVolumeM3, lang)}`
        : formatM3(container.volumeM3, lang),
      weightFill: formatPercent(weightFill, lang),
      volumeFill: formatPercent(volumeFill, lang),
      departDepot: formatLocalDateTime(container.departDepot, depot?.timeZone, lang),
      portArrival: formatLocalDateTime(container.portArrival, portZone, lang),
      cutoff: sailing ? formatLocalDateTime(sailing.cutoff, portZone, lang) : undefined,
      departure: sailing ? formatLocalDateTime(sailing.departure, portZone, lang) : undefined,
      margin: marginMinutes !== undefined ? formatDuration(marginMinutes, lang) : undefined,
      countdown:
        cutoffInMinutes === undefined
          ? undefined
          : cutoffInMinutes > 0
            ? translate(lang, "container.countdown", { time: formatDuration(cutoffInMinutes, lang) })
            : translate(lang, "container.cutoffPassed"),
      statusSince: since ? formatLocalDateTime(since, depot?.timeZone, lang) : undefined,
      cost: formatIdr(container.cost, lang),
      distance: formatKm(container.distanceKm, lang),
    },
  };
}

/** The service owns the lifecycle; an unknown status is shown as the service wrote it. */
const STATUS_KEYS: Record<string, MessageKey> = {
  planned: "status.planned",
  confirmed: "status.confirmed",
  "picking-up": "status.picking-up",
  "picked-up": "status.picked-up",
  "at-port": "status.at-port",
  sailed: "status.sailed",
  superseded: "status.superseded",
};

export function containerViews(
  plan: Plan,
  scenario: Scenario,
  lang: Lang,
  options: ContainerViewOptions = {},
): ContainerView[] {
  // What a key may see is decided before the views (services/read-model/): they format all they get.
  const index = indexScenario(scenario);
  return [...plan.containers]
    .sort((a, b) => Date.parse(a.departDepot) - Date.parse(b.departDepot) || a.id.localeCompare(b.id))
    .map((c) => containerView(c, index, lang, options));
}

export interface PlanSummaryView {
  containers: string;
  /** the planner's lower bound on containers for the planned load, "" when nothing is planned */
  lowerBoundContainers: string;
  /** what the containers tile reads: "32 · min. 28" */
  containersWithBound: string;
  /** why the bound is there, for the tile's tooltip and the note under the tiles */
  lowerBoundHelp: string;
  assignedWeight: string;
  unassignedWeight: string;
  meanWeightFill: string;
  meanVolumeFill: string;
  cost: string;
  distance: string;
}

export function planSummaryView(plan: Plan, lang: Lang): PlanSummaryView {
  const s = plan.summary;
  const count = (n: number) => formatNumber(n, lang, 0);
  // 0 means "no bound known" (an empty plan, or a summary that did not compute one)
  const hasBound = s.containers > 0 && s.lowerBoundContainers > 0;
  const bound = count(s.lowerBoundContainers);
  return {
    containers: count(s.containers),
    lowerBoundContainers: hasBound ? bound : "",
    containersWithBound: hasBound
      ? `${count(s.containers)} · ${translate(lang, "plan.lowerBound", { n: bound })}`
      : count(s.containers),
    lowerBoundHelp: hasBound
      ? translate(lang, "plan.lowerBoundHelp", { n: bound, containers: count(s.containers) })
      : "",
    assignedWeight: formatKg(s.assignedWeightKg, lang),
    unassignedWeight: formatKg(s.unassignedWeightKg, lang),
    meanWeightFill: formatPercent(s.meanWeightFill, lang),
    meanVolumeFill: formatPercent(s.meanVolumeFill, lang),
    cost: formatIdr(s.cost, lang),
    distance: formatKm(s.distanceKm, lang),
  };
}

export interface UnassignedView {
  shipment: string;
  village: string;
  villageName: string;
  packages: number;
  weight: string;
  reason: string;
  reasonLabel: string;
  /** What the reason means and what to do, in the page's language. */
  reasonHelp: string;
  /** The planner's own sentence about this shipment (English). */
  detail: string;
}

export function unassignedViews(plan: Plan, scenario: Scenario, lang: Lang): UnassignedView[] {
  const index = indexScenario(scenario);
  return plan.unassigned.map((u) => {
    const shipment = index.shipments.get(u.shipment);
    const packages = shipment?.packages ?? 1;
    const weightKg = shipment ? (shipment.weightKg * u.packages) / packages : 0;
    const village = shipment ? index.villages.get(shipment.village) : undefined;
    return {
      shipment: u.shipment,
      village: shipment?.village ?? "",
      villageName: village?.name ?? shipment?.village ?? "",
      packages: u.packages,
      weight: formatKg(sum([weightKg]), lang),
      reason: u.reason,
      reasonLabel: translate(lang, `reason.${u.reason}`),
      reasonHelp: translate(lang, `reasonHelp.${u.reason}`),
      detail: u.detail,
    };
  });
}
