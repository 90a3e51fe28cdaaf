import { expect } from "chai";
import { DEFAULT_LANG, LANGS, parseLang } from "../../../shared/views/locale.js";
import { EN_MESSAGES } from "../../../shared/views/messages/en.messages.js";
import { ID_MESSAGES } from "../../../shared/views/messages/id.messages.js";
import { DICTIONARIES, translate } from "../../../shared/views/translate.js";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("views/translate", () => {
  it("defaults to Bahasa Indonesia and accepts only id or en", () => {
    expect(DEFAULT_LANG).to.equal("id");
    expect(parseLang("en")).to.equal("en");
    expect(parseLang(" EN ")).to.equal("en");
    expect(parseLang("id")).to.equal("id");
    expect(parseLang("fr")).to.equal("id");
    expect(parseLang(undefined)).to.equal("id");
    expect(parseLang(["en"])).to.equal("id");
  });

  it("has every label in both languages, non-empty, with the same placeholders", () => {
    expect(Object.keys(EN_MESSAGES).sort()).to.deep.equal(Object.keys(ID_MESSAGES).sort());
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(DICTIONARIES[lang])) {
        expect(text.trim(), `${lang} ${key}`).to.not.equal("");
        expect(placeholders(text), `${lang} ${key}`).to.deep.equal(
          placeholders(ID_MESSAGES[key as keyof typeof ID_MESSAGES]),
        );
      }
    }
  });

  it("translates the words people act on, not just echoes the key", () => {
    expect(translate("id", "plan.run")).to.equal("Mulai perencanaan");
    expect(translate("en", "plan.run")).to.equal("Start planning");
    const differing = Object.keys(ID_MESSAGES).filter(
      (k) => ID_MESSAGES[k as keyof typeof ID_MESSAGES] !== EN_MESSAGES[k as keyof typeof EN_MESSAGES],
    );
    // brand names, units and the word BUMDes are the same in both languages; everything else differs
    expect(differing.length).to.be.greaterThan(Object.keys(ID_MESSAGES).length * 0.85);
  });

  it("fills parameters and leaves a missing one visible", () => {
    expect(translate("id", "shipment.registered", { id: "S-9" })).to.equal("Kiriman S-9 terdaftar.");
    expect(translate("en", "shipment.registered")).to.equal("Shipment {id} registered.");
  });
});
