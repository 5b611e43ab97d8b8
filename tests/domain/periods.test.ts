// The timeline of reporting periods (issue 5): disjoint periods, each starting in January;
// calendar years keep their keys; the rest of a partly covered year is a period of its own.
import { describe, expect, it } from "vitest";
import {
  fileKey,
  isTimelineKey,
  periodLabel,
  periodOfMonth,
  periodOfYear,
  periodProblems,
  peildatum,
  timeline,
} from "../../src/domain/periods.ts";
import { validateInstellingen } from "../../src/validate/instellingen.ts";
import { reportingYearWarnings } from "../../src/validate/consistency.ts";

const cfg = [{ van: "2018-01", tot: "2019-11" }];

describe("timeline", () => {
  it("without settings is calendar years, keyed as before", () => {
    const t = timeline([], { jaar: 2018, maand: 3 }, { jaar: 2020, maand: 12 });
    expect(t.map((p) => [p.id, p.key, p.label])).toEqual([
      [2018, "2018", "2018"],
      [2019, "2019", "2019"],
      [2020, "2020", "2020"],
    ]);
  });

  it("puts every month in exactly one period: the configured one, the rest of 2019, then calendar years", () => {
    const t = timeline(cfg, { jaar: 2017, maand: 5 }, { jaar: 2021, maand: 12 });
    expect(t.map((p) => p.key)).toEqual(["2017", "2018-01..2019-11", "2019-12..2019-12", "2020", "2021"]);
    expect(t.map((p) => p.label)).toEqual(["2017", "2018 t/m november 2019", "december 2019", "2020", "2021"]);
    for (let y = 2017; y <= 2021; y++) {
      for (let m = 1; m <= 12; m++) {
        const owners = t.filter((p) => p.van.jaar * 12 + p.van.maand <= y * 12 + m && y * 12 + m <= p.tot.jaar * 12 + p.tot.maand);
        expect(owners.length, `${y}-${m}`).toBe(1);
        expect(owners[0]!.key).toBe(periodOfMonth(cfg, { jaar: y, maand: m }).key);
      }
    }
  });

  it("labels and file names", () => {
    expect(periodLabel("2018-01..2019-11")).toBe("2018 t/m november 2019");
    expect(periodLabel("2019-12..2019-12")).toBe("december 2019");
    expect(periodLabel("2019-07..2019-12")).toBe("juli t/m december 2019");
    expect(periodLabel("2018-01..2019-12")).toBe("2018 t/m 2019");
    expect(periodLabel(2019)).toBe("2019");
    expect(fileKey("2018-01..2019-11")).toBe("2018-01_2019-11");
    expect(fileKey(2020)).toBe("2020");
    expect(peildatum(periodOfMonth(cfg, { jaar: 2019, maand: 1 }))).toBe("30 november 2019");
  });

  it("gives a year-only row (activiteiten) to the period holding most of its months", () => {
    expect(periodOfYear(cfg, 2019).key).toBe("2018-01..2019-11");
    expect(periodOfYear([{ van: "2019-01", tot: "2019-03" }], 2019).key).toBe("2019-04..2019-12");
    expect(periodOfYear(cfg, 2020).key).toBe("2020");
  });

  it("knows which keys are periods of the timeline", () => {
    expect(isTimelineKey(cfg, "2018-01..2019-11")).toBe(true);
    expect(isTimelineKey(cfg, "2019-12..2019-12")).toBe(true);
    expect(isTimelineKey(cfg, "2020")).toBe(true);
    expect(isTimelineKey(cfg, "2019")).toBe(false);
    expect(isTimelineKey(cfg, "2018")).toBe(false);
    expect(isTimelineKey(cfg, "2018-01..2019-10")).toBe(false);
    expect(isTimelineKey([], "2019")).toBe(true);
  });
});

describe("instellingen.perioden", () => {
  const base = { organisatie: "X" };
  it("defaults to none", () => {
    expect(validateInstellingen("instellingen.json", base).value!.perioden).toEqual([]);
  });
  it("refuses overlapping periods and periods that do not start in January, in Dutch", () => {
    expect(periodProblems(cfg)).toEqual([]);
    expect(periodProblems([{ van: "2018-03", tot: "2019-11" }])[0]).toMatch(
      /moet in januari beginnen: anders hebben de maanden van 2018 vóór de periode geen eigen verslagperiode/,
    );
    expect(
      periodProblems([
        { van: "2018-01", tot: "2019-11" },
        { van: "2019-01", tot: "2020-06" },
      ])[0],
    ).toMatch(/overlappen/);
    expect(periodProblems([{ van: "2019-01", tot: "2018-11" }])[0]).toMatch(/vóór/);
    expect(periodProblems([{ van: "2019-1", tot: "2019-13" }])[0]).toMatch(/JJJJ-MM/);
    const r = validateInstellingen("instellingen.json", { ...base, perioden: [{ van: "2018-02", tot: "2019-11" }] });
    expect(r.value).toBeNull();
    expect(r.problems[0]!.melding).toMatch(/januari/);
  });
});

describe("rows after the reported period", () => {
  it("are warned about with the period's label", () => {
    const d = {
      meldingen: [
        { id: "M1", datum: { jaar: 2019, maand: 11 } },
        { id: "M2", datum: { jaar: 2019, maand: 12 } },
      ],
      klachten: [],
      activiteiten: [{ jaar: 2019, vertrouwenspersoon: "VP", activiteit: "training", uren: 1 }],
    } as never;
    const w = reportingYearWarnings(d, "2018-01..2019-11", {}, cfg);
    expect(w.map((x) => x.melding)).toEqual([
      "1 melding van na 2018 t/m november 2019 (M2) telt niet mee in het verslag over 2018 t/m november 2019; klopt het jaartal?",
    ]);
  });
});
