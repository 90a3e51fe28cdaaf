/** Packing one sailing's village containers into sea boxes, on cases worked out by hand. */
import { expect } from "chai";
import { sailingBoxLowerBound } from "../../../shared/core/boxes/box-lower-bound.js";
import { packSailing } from "../../../shared/core/boxes/pack-sailing.js";
import type { BoxType } from "../../../shared/core/model/scenario.js";
import type { BoxItem } from "../../../shared/core/rules/boxes.js";

const GP: BoxType = { id: "20GP", slots: 3, maxWeightKg: 21000, freight: 9_500_000 };
const RF: BoxType = { id: "20RF", slots: 3, maxWeightKg: 20000, reefer: true, freight: 16_500_000 };

let n = 0;
function item(over: Partial<BoxItem> = {}): BoxItem {
  n++;
  return {
    key: `C${String(n).padStart(3, "0")}`,
    slots: 1,
    weightKg: 2350,
    loadKg: 2000,
    temperature: "ambient",
    danger: "food",
    destination: "CN",
    mixedDestinations: false,
    ...over,
  };
}
const times = (k: number, over: Partial<BoxItem> = {}) => Array.from({ length: k }, () => item(over));
const sizes = (boxes: { items: BoxItem[] }[]) => boxes.map((b) => b.items.length).sort();

describe("packSailing: village containers into sea boxes", () => {
  it("seven containers for one buyer fill two boxes and start a third (3 + 3 + 1)", () => {
    const items = times(7);
    const r = packSailing(items, [GP, RF], Infinity);
    expect(sizes(r.boxes)).to.deep.equal([1, 3, 3]);
    expect(r.freight).to.equal(3 * 9_500_000);
    expect(r.boxes.every((b) => b.type === 0)).to.equal(true); // dry goods in dry boxes
    expect(sailingBoxLowerBound(items, [GP, RF])).to.equal(3);
  });

  it("keeps destinations apart and lets a container without destination fill a gap", () => {
    const items = [...times(2, { destination: "CN" }), ...times(2, { destination: "JP" })];
    const free = item({ destination: null, danger: "neutral" });
    const r = packSailing([free, ...items], [GP], Infinity);
    expect(r.boxes).to.have.length(2);
    const cn = r.boxes.find((b) => b.signature.destination === "CN")!;
    expect(cn.items.map((i) => i.key)).to.include(free.key);
    expect(sailingBoxLowerBound([free, ...items], [GP])).to.equal(2);
  });

  it("never puts dangerous goods beside food; general goods go with either", () => {
    const dangerous = times(2, { danger: "dangerous", destination: null });
    const food = times(2, { danger: "food", destination: null });
    const general = times(2, { danger: "neutral", destination: null });
    const r = packSailing([...dangerous, ...food, ...general], [GP], Infinity);
    expect(r.boxes).to.have.length(2);
    for (const b of r.boxes) {
      const dangers = new Set(b.items.map((i) => i.danger));
      expect(dangers.has("dangerous") && dangers.has("food")).to.equal(false);
    }
    expect(sailingBoxLowerBound([...dangerous, ...food], [GP])).to.equal(2);
  });

  it("chilled, frozen and dry containers take three boxes: two reefer, one dry", () => {
    const items = [
      item({ temperature: "chilled" }),
      item({ temperature: "frozen" }),
      item({ temperature: "ambient" }),
    ];
    const r = packSailing(items, [GP, RF], Infinity);
    expect(r.boxes.map((b) => b.type).sort()).to.deep.equal([0, 1, 1]);
    expect(r.freight).to.equal(9_500_000 + 2 * 16_500_000);
    expect(sailingBoxLowerBound(items, [GP, RF])).to.equal(3);
  });

  it("a reefer class with no reefer box type stays behind", () => {
    const chilled = item({ temperature: "chilled" });
    const r = packSailing([chilled, item()], [GP], Infinity);
    expect(r.unplaced.map((i) => i.key)).to.deep.equal([chilled.key]);
    expect(r.boxes).to.have.length(1);
  });

  it("counts the tare: three 3,000 kg loads with 350 kg tare need two 7,000 kg boxes", () => {
    const light: BoxType = { id: "LIGHT", slots: 3, maxWeightKg: 7000, freight: 1 };
    const items = times(3, { loadKg: 3000, weightKg: 3350 });
    const r = packSailing(items, [light], Infinity);
    expect(sizes(r.boxes)).to.deep.equal([1, 2]);
    expect(sailingBoxLowerBound(items, [light])).to.equal(2); // ceil(10,050 / 7,000)
  });

  it("over maxBoxes the lightest box stays behind (weight served first)", () => {
    const heavy = times(3, { loadKg: 2500, weightKg: 2850 });
    const light = item({ loadKg: 300, weightKg: 650 });
    const r = packSailing([light, ...heavy], [GP], 1);
    expect(r.boxes).to.have.length(1);
    expect(r.unplaced.map((i) => i.key)).to.deep.equal([light.key]);
  });

  it("chooses the box type cheapest per slot, then shrinks a box to the cheapest that holds it", () => {
    const big: BoxType = { id: "40GP", slots: 6, maxWeightKg: 26000, freight: 15_000_000 };
    expect(packSailing(times(4), [GP, big], Infinity).freight).to.equal(15_000_000); // not 2 x 9.5 M
    expect(packSailing(times(2), [GP, big], Infinity).freight).to.equal(9_500_000); // a 40 ft shrunk to 20 ft
    expect(packSailing(times(7), [GP, big], Infinity).freight).to.equal(15_000_000 + 9_500_000);
  });

  it("over maxBoxes it tries the roomiest type before leaving anything behind", () => {
    const big: BoxType = { id: "40GP", slots: 6, maxWeightKg: 26000, freight: 30_000_000 };
    const r = packSailing(times(5), [GP, big], 1);
    expect(r.unplaced).to.deep.equal([]);
    expect(r.boxes).to.have.length(1);
    expect(r.freight).to.equal(30_000_000);
  });

  it("a container whose shipments go to two countries rides in no box", () => {
    const mixed = item({ mixedDestinations: true });
    expect(packSailing([mixed], [GP], Infinity).unplaced).to.deep.equal([mixed]);
  });

  it("does not depend on the order containers come in", () => {
    const items = [
      ...times(4, { destination: "CN" }),
      ...times(3, { destination: "JP", danger: "neutral" }),
      ...times(2, { destination: null, danger: "dangerous" }),
      ...times(2, { temperature: "live", destination: "SG" }),
    ];
    const a = packSailing(items, [GP, RF], Infinity);
    const b = packSailing([...items].reverse(), [GP, RF], Infinity);
    expect(b.freight).to.equal(a.freight);
    expect(b.boxes.map((x) => x.items.map((i) => i.key))).to.deep.equal(
      a.boxes.map((x) => x.items.map((i) => i.key)),
    );
    expect(a.boxes.length).to.be.at.least(sailingBoxLowerBound(items, [GP, RF]));
  });
});
