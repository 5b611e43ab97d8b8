// The average hours per melding divides by every registered melding, also those outside the
// count: printed next to the total, it must not give away a hidden count of those.
import { describe, expect, it } from "vitest";
import { activiteiten, dataset, melding } from "../fixtures/dataset.ts";
import { buildReport } from "../protect/report.ts";

function registratie(corona2020: number) {
  const ms = [
    ...Array.from({ length: 6 }, (_, i) =>
      melding({ jaar: 2019, aard: "pesten", uren: 1, vertrouwenspersonen: [["VP-A1", "VP-F1", "VP-A2"][i % 3]!] }),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      melding({ jaar: 2020, aard: "pesten", uren: 0.5, vertrouwenspersonen: [i % 2 ? "VP-A1" : "VP-F1"] }),
    ),
    ...Array.from({ length: corona2020 }, () =>
      melding({ jaar: 2020, aard: "corona-gerelateerd", uren: 0.5, vertrouwenspersonen: ["VP-F2"] }),
    ),
  ];
  return dataset({ meldingen: ms, activiteiten: [...activiteiten(2019), ...activiteiten(2020)] });
}

const averages = (figures: { kind: string; column: string; value: number | null }[], jaar: string) =>
  figures.filter((f) => f.kind === "gemiddelde" && f.column === jaar);

describe("gemiddeld aantal uren per melding", () => {
  it("wordt niet gedrukt als het een verborgen aantal buiten de telling zou verraden (1 corona-melding)", async () => {
    const r = await buildReport(registratie(1), 2020);
    const corona = r.figures.figures.find((f) => f.id.endsWith("|aard/2020/corona-gerelateerd"));
    expect(corona?.value).toBeNull();
    expect(averages(r.figures.figures, "2020")).toEqual([]);
    expect(averages(r.figures.figures, "2019").length).toBeGreaterThan(0);
    expect(r.audit.intervals.filter((i) => !i.ok)).toEqual([]);
  });

  it("wordt wel gedrukt als de meldingen buiten de telling zelf gepubliceerd zijn (5 corona-meldingen)", async () => {
    const r = await buildReport(registratie(5), 2020);
    expect(r.figures.figures.find((f) => f.id.endsWith("|aard/2020/corona-gerelateerd"))?.value).toBe(5);
    const avg = averages(r.figures.figures, "2020");
    expect(avg.length).toBeGreaterThan(0);
    for (const f of avg) expect(f).toMatchObject({ value: 0.5, display: "0,5" });
    expect(r.audit.ok).toBe(true);
  });
});
