// The example registration in data/ is synthetic, but its totals follow what the real
// jaarverslagen 2019 and 2020 published. These tests recount them from the CSV files, so an
// edit of data/ that breaks a published figure fails here. Regenerate with
// `npx tsx scripts/make-example-data.ts`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

type Rij = Record<string, string>;
const DATA = join(import.meta.dirname, "..", "data");

function lees(bestand: string): Rij[] {
  return parse(readFileSync(join(DATA, bestand), "utf8"), { columns: true, skip_empty_lines: true }) as Rij[];
}

const meldingen = lees("meldingen.csv");
const activiteiten = lees("activiteiten.csv");
const vocabulaire = lees("vocabulaire.csv");
const vertrouwenspersonen = lees("vertrouwenspersonen.csv");

const teltMee = new Set(vocabulaire.filter((t) => t.soort === "aard" && t.telt_mee === "ja").map((t) => t.code));
const groepVan = new Map(vertrouwenspersonen.map((v) => [v.code, v.groep]));

const jaar = (m: Rij) => Number(m.datum?.slice(0, 4));
const vpoo = (j: number) => meldingen.filter((m) => jaar(m) === j && m.regeling === "ongewenste-omgangsvormen");
const geteld = (j: number) => vpoo(j).filter((m) => teltMee.has(m.aard ?? ""));
const vpsVan = (m: Rij) => (m.vertrouwenspersoon ?? "").split("|");
const som = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 10) / 10;
const uren = (rs: Rij[]) => som(rs.map((r) => Number(r.uren)));

function tel(rs: Rij[], kolom: string): Record<string, number> {
  const uit: Record<string, number> = {};
  for (const r of rs) uit[r[kolom] ?? ""] = (uit[r[kolom] ?? ""] ?? 0) + 1;
  return uit;
}
function urenPerActiviteit(j: number): Record<string, number> {
  const uit: Record<string, number> = {};
  for (const a of activiteiten.filter((x) => Number(x.jaar) === j)) {
    const k = a.activiteit ?? "";
    uit[k] = som([uit[k] ?? 0, Number(a.uren)]);
  }
  return uit;
}

describe("voorbeelddata 2019 (Jaarverslag VPOO 2019)", () => {
  const r = geteld(2019);

  it("telt 21 meldingen, 17 ambtelijk en 4 uit de fracties", () => {
    expect(r).toHaveLength(21);
    expect(tel(r, "herkomst")).toEqual({ ambtelijk: 17, fractie: 4 });
  });

  it("heeft eind 2019 de gepubliceerde stand van afhandeling 12 / 2 / 7", () => {
    expect(tel(r, "status")).toEqual({ "afgerond-resultaat": 12, "afgerond-onbekend": 2, "in-behandeling": 7 });
  });

  it("heeft de gepubliceerde aard-tabel", () => {
    expect(tel(r, "aard")).toEqual({
      pesten: 6,
      intimidatie: 5,
      "niet-gehoord-leidinggevende": 5,
      integriteitskwestie: 2,
      adviesvraag: 1,
      discriminatie: 1,
      "onveilig-voelen": 1,
    });
  });

  it("is ontvangen door 4 vertrouwenspersonen, samen 74 uur", () => {
    expect(new Set(r.map((m) => vpsVan(m)[0])).size).toBe(4);
    expect(uren(r)).toBe(74);
  });

  it("heeft de gepubliceerde urenbesteding per activiteit", () => {
    expect(urenPerActiviteit(2019)).toEqual({ training: 120, intervisie: 40, voorlichting: 10, overleg: 10 });
  });
});

describe("voorbeelddata 2020 (Jaarverslag VPOO 2020)", () => {
  const r = geteld(2020);
  const alle = vpoo(2020);
  const corona = alle.filter((m) => m.aard === "corona-gerelateerd");

  it("telt 13 meldingen volgens de telregel, 18 met de corona-gesprekken erbij", () => {
    expect(r).toHaveLength(13);
    expect(corona).toHaveLength(5);
    expect(alle).toHaveLength(18);
  });

  it("heeft de gepubliceerde herkomst en stand van afhandeling", () => {
    expect(tel(r, "herkomst")).toEqual({ ambtelijk: 11, fractie: 2 });
    expect(tel(alle, "herkomst")).toEqual({ ambtelijk: 11, fractie: 7 }); // 61% / 39% in the final report
    expect(tel(r, "status")).toEqual({ "afgerond-resultaat": 10, "afgerond-onbekend": 2, "in-behandeling": 1 });
    expect(tel(alle, "status")).toEqual({ "afgerond-resultaat": 15, "afgerond-onbekend": 2, "in-behandeling": 1 });
  });

  it("heeft de gepubliceerde aard-tabel", () => {
    expect(tel(r, "aard")).toEqual({
      pesten: 3,
      "seksuele-intimidatie": 1,
      "niet-gehoord-leidinggevende": 1,
      integriteitskwestie: 1,
      adviesvraag: 3,
      roddelen: 2,
      "onveilig-voelen": 2,
    });
  });

  it("is ontvangen door de ambtelijke VPs (13), één fractie-VP (4) en de externe VP (1)", () => {
    const ontvanger = alle.map((m) => vpsVan(m)[0] ?? "");
    const perGroep: Record<string, number> = {};
    for (const c of ontvanger) perGroep[groepVan.get(c) ?? "?"] = (perGroep[groepVan.get(c) ?? "?"] ?? 0) + 1;
    expect(perGroep).toEqual({ ambtelijk: 13, fractie: 4, extern: 1 });
    expect(new Set(ontvanger.filter((c) => groepVan.get(c) === "fractie")).size).toBe(1);
  });

  it("besteedde 37 uur aan de 18 meldingen, waarvan 5 aan de corona-gesprekken", () => {
    expect(uren(alle)).toBe(37);
    expect(uren(corona)).toBe(5);
  });

  it("heeft de gepubliceerde urenbesteding per activiteit", () => {
    expect(urenPerActiviteit(2020)).toEqual({ training: 48, intervisie: 40, voorlichting: 10, overleg: 32 });
  });

  it("komt per VP-groep uit op fracties 68, Kamerorganisatie 96, extern 3 (samen 167)", () => {
    const perGroep: Record<string, number> = {};
    const erbij = (vp: string, u: number) => {
      const g = groepVan.get(vp) ?? "?";
      perGroep[g] = som([perGroep[g] ?? 0, u]);
    };
    for (const a of activiteiten.filter((x) => x.jaar === "2020")) erbij(a.vertrouwenspersoon ?? "", Number(a.uren));
    for (const m of alle) for (const vp of vpsVan(m)) erbij(vp, Number(m.uren) / vpsVan(m).length);
    expect(perGroep).toEqual({ fractie: 68, ambtelijk: 96, extern: 3 });
  });
});

describe("voorbeelddata: regels van het datacontract", () => {
  it("resultaten precies bij afgerond-resultaat, interventies precies zonder geen_interventie", () => {
    for (const m of meldingen) {
      expect(m.status === "afgerond-resultaat", m.id).toBe((m.resultaten ?? "") !== "");
      expect(m.geen_interventie === "ja", m.id).toBe((m.interventies ?? "") === "");
    }
  });

  it("uren tussen 0,5 en 12 in halve uren", () => {
    for (const m of meldingen) {
      const u = Number(m.uren);
      expect(u >= 0.5 && u <= 12 && Number.isInteger(u * 2), `${m.id}: ${m.uren}`).toBe(true);
    }
  });
});
