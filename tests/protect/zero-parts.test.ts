import { describe, expect, it } from "vitest";
import { protect } from "../../src/protect/index.ts";
import type { Description, TableCell } from "../../src/protect/tables.ts";
import { scopeKey } from "../../src/protect/universe.ts";

// The VPI's 2021 herkomst: two meldingen, both from the ambtelijke organisatie. Publishing the
// zeros beside a hidden total would say exactly that (the real cover note did).
const cell = (row: string, value: number, herkomst?: string): TableCell => ({
  id: `vpi-herkomst/2021/${row}`,
  row,
  column: "2021",
  universe: "vpi",
  scope: herkomst ? { herkomst: [herkomst] } : {},
  value,
  kind: "aantal",
  contributions: [],
  meldingenBehind: null,
});

const description: Description = {
  universes: [{ id: "vpi", integer: true, dimensions: [{ name: "herkomst", categories: ["fractie", "ambtelijk", "extern"] }] }],
  tables: [
    {
      id: "vpi-herkomst",
      title: "Herkomst",
      kind: "aantal",
      totalRow: "totaal",
      rows: [
        { key: "fractie", label: "Fracties" },
        { key: "ambtelijk", label: "Ambtelijk" },
        { key: "extern", label: "Extern" },
        { key: "totaal", label: "Totaal" },
      ],
      columns: [{ key: "2021", label: "2021" }],
      cells: [cell("fractie", 0, "fractie"), cell("ambtelijk", 2, "ambtelijk"), cell("extern", 0, "extern"), cell("totaal", 2)],
    },
  ],
  recodings: [],
};

describe("a small total takes its parts with it", () => {
  it("hides the zeros beside a total below the threshold", async () => {
    const result = await protect(description, { k: 5, protectZeros: false, dominance: 0.85 }, []);
    for (const c of description.tables[0]!.cells) expect(result.suppressed.has(scopeKey(c.universe, c.scope)), c.row).toBe(true);
    expect(result.log.find((l) => l.cells.includes("vpi-herkomst/2021/fractie"))?.reden).toContain("ook een nul");
  });

  it("leaves the zeros published when the total is large enough", async () => {
    const big: Description = {
      ...description,
      tables: [
        {
          ...description.tables[0]!,
          cells: [cell("fractie", 0, "fractie"), cell("ambtelijk", 7, "ambtelijk"), cell("extern", 0, "extern"), cell("totaal", 7)],
        },
      ],
    };
    const result = await protect(big, { k: 5, protectZeros: false, dominance: 0.85 }, []);
    expect(result.suppressed.size).toBe(0);
  });
});
