import { expect } from "chai";
import { routeMapSvg } from "../../../shared/views/route-map-svg.js";
import { type RouteFeature, routesGeoJson } from "../../../shared/views/routes-geojson.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

describe("views/routes-geojson", () => {
  it("draws each container depot -> stops -> port in [lon, lat] order", () => {
    const geo = routesGeoJson(fixturePlan(), fixtureScenario());
    expect(geo.type).to.equal("FeatureCollection");
    const routes = geo.features.filter((f): f is RouteFeature => f.geometry.type === "LineString");
    expect(routes.map((r) => r.properties.container)).to.deep.equal(["C1", "C2"]);
    expect(routes[0].geometry.coordinates).to.deep.equal([
      [114.83, -3.44],
      [114.7, -3.3],
      [114.2, -2.9],
      [114.56, -3.335],
    ]);
    expect(routes[0].properties.stops).to.deep.equal(["vA", "vB"]);
    expect(routes[0].properties.sailing).to.equal("IDBDJ-1");
  });

  it("marks every depot, village and port as a point", () => {
    const geo = routesGeoJson(fixturePlan(), fixtureScenario());
    const points = geo.features.filter((f) => f.geometry.type === "Point");
    const kinds = points.map((p) => `${p.properties.kind}:${(p.properties as { id: string }).id}`);
    expect(kinds).to.deep.equal([
      "depot:hub",
      "depot:hubP",
      "village:vA",
      "village:vB",
      "village:vP",
      "village:vQ",
      "port:IDBDJ",
      "port:IDJAP",
    ]);
    const vQ = points.find((p) => (p.properties as { id: string }).id === "vQ")!;
    expect(vQ.properties.planned).to.equal(false);
    for (const p of points) {
      const [lon, lat] = p.geometry.coordinates as [number, number];
      expect(Math.abs(lat)).to.be.at.most(90);
      expect(lon).to.be.greaterThan(90); // Indonesia: longitudes ~95..141, latitudes ~-11..6
    }
  });

  it("leaves out places that have no geographic position instead of inventing one", () => {
    const scenario = fixtureScenario();
    delete scenario.villages[1].lat;
    const geo = routesGeoJson(fixturePlan(), scenario);
    expect(geo.features.filter((f) => f.geometry.type === "LineString")).to.have.length(1);
    expect(geo.features.some((f) => (f.properties as { id?: string }).id === "vB")).to.equal(false);
  });
});

describe("views/route-map-svg", () => {
  it("draws one polyline per container and a mark per place, inside the view box", () => {
    const svg = routeMapSvg(fixturePlan(), fixtureScenario(), "id", { width: 600, height: 400 });
    // Kalimantan and Papua are drawn apart: trucks never cross between them
    expect(svg.match(/<svg /g)).to.have.length(2);
    expect(svg.match(/data-island="([^"]+)"/g)).to.deep.equal([
      'data-island="Kalimantan"',
      'data-island="Papua"',
    ]);
    expect(svg.match(/<polyline /g)).to.have.length(2);
    expect(svg.match(/class="village"/g)).to.have.length(4);
    expect(svg.match(/class="depot"/g)).to.have.length(2);
    expect(svg.match(/class="port"/g)).to.have.length(2);
    for (const m of svg.matchAll(/points="([^"]+)"/g)) {
      for (const pair of m[1].split(" ")) {
        const [x, y] = pair.split(",").map(Number);
        expect(x).to.be.within(0, 600);
        expect(y).to.be.within(0, 400);
      }
    }
    expect(svg).to.include("Desa: Desa Sungai Tabuk, &quot;Hulu&quot; (vA)");
    expect(svg).to.include('aria-label="Peta rute: Kalimantan"');
  });

  it("leaves out islands the plan does not touch, but shows all before there is a plan", () => {
    const plan = fixturePlan();
    plan.containers = plan.containers.filter((c) => c.id === "C1");
    const svg = routeMapSvg(plan, fixtureScenario(), "en");
    expect(svg.match(/data-island="([^"]+)"/g)).to.deep.equal(['data-island="Kalimantan"']);
    plan.containers = [];
    expect(routeMapSvg(plan, fixtureScenario(), "en").match(/<svg /g)).to.have.length(2);
  });

  it("draws a single map when places carry no island", () => {
    const scenario = fixtureScenario();
    for (const list of [scenario.depots, scenario.ports, scenario.villages])
      for (const p of list) delete p.island;
    const svg = routeMapSvg(fixturePlan(), scenario, "en");
    expect(svg.match(/<svg /g)).to.have.length(1);
    expect(svg.match(/<polyline /g)).to.have.length(2);
  });

  it("says why there is no map for coordinate-free scenarios", () => {
    const scenario = fixtureScenario();
    for (const list of [scenario.depots, scenario.ports, scenario.villages])
      for (const p of list) delete p.lat;
    expect(routeMapSvg(fixturePlan(), scenario, "en")).to.include("No map");
  });
});
