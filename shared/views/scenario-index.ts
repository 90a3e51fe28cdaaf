/** Id lookups over a Scenario, built once per rendering instead of searching arrays per row. */
import type {
  ContainerType,
  Depot,
  Port,
  Sailing,
  Scenario,
  Shipment,
  Village,
} from "../core/model/scenario.js";

export interface ScenarioIndex {
  villages: Map<string, Village>;
  shipments: Map<string, Shipment>;
  depots: Map<string, Depot>;
  ports: Map<string, Port>;
  sailings: Map<string, Sailing>;
  containerTypes: Map<string, ContainerType>;
}

const byId = <T extends { id: string }>(items: readonly T[] | undefined) =>
  new Map((items ?? []).map((item) => [item.id, item]));

export function indexScenario(scenario: Scenario): ScenarioIndex {
  return {
    villages: byId(scenario.villages),
    shipments: byId(scenario.shipments),
    depots: byId(scenario.depots),
    ports: byId(scenario.ports),
    sailings: byId(scenario.sailings),
    containerTypes: byId(scenario.containerTypes),
  };
}
