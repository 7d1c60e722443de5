import { describe, expect, it } from "vitest";

import { ADA, CY_CYCLE, GRACE } from "../../test/fixtures";
import { ADD_REPORT, cycleEntries, matchEntries, reportEntries, screenEntries, type Entry } from "./entries";

const ANDRE = { ...GRACE, id: "r-andre", name: "André Weil" };
const all: Entry[] = [...[ADA, GRACE, ANDRE].flatMap(reportEntries), ADD_REPORT, ...screenEntries(), ...cycleEntries([CY_CYCLE])];
const labels = (query: string) => matchEntries(all, query).map((e) => e.label);

describe("palette entries", () => {
  it("with nothing typed, lists reports, adding one, screens and cycles; no tabs, no search", () => {
    const shown = matchEntries(all, "  ");
    expect(new Set(shown.map((e) => e.group))).toEqual(new Set(["Reports", "Actions", "Screens", "Cycles"]));
    expect(shown.filter((e) => e.group === "Actions")).toEqual([ADD_REPORT]);
    expect(shown[0]?.label).toBe("Ada Lovelace");
  });

  it("matches each typed word at the start of a word, accents aside", () => {
    expect(labels("andre")).toContain("André Weil");
    // "ada" is inside "Radar", but starts no word of it.
    expect(labels("ada")).not.toContain("Radar settings");
    expect(labels("lovelace evidence")).toEqual(["New evidence for Ada Lovelace", "Ada Lovelace · Evidence", "Search everything for “lovelace evidence”"]);
  });

  it("finds entries by their keywords and ranks label words first", () => {
    // "schedule" is only a keyword of planning.
    expect(labels("schedule grace")[0]).toBe("Plan the next 1:1 with Grace Hopper");
    expect(labels("payments")[0]).toBe("Ada Lovelace");
  });

  it("shows at most eight of a group and always ends with searching everything", () => {
    const shown = matchEntries(all, "lovelace");
    expect(shown.filter((e) => e.group === "Report tabs")).toHaveLength(8);
    expect(shown.at(-1)).toMatchObject({ group: "Search", to: "/search?q=lovelace" });
    expect(matchEntries(all, "zzz").map((e) => e.label)).toEqual(["Search everything for “zzz”"]);
  });

  it("says a cycle's dates in words, and sends actions to the tab of their form", () => {
    expect(cycleEntries([CY_CYCLE])[0]?.description).toBe("Calibration 15 Mar 2027 · packets due 15 Feb 2027");
    const hold = reportEntries(ADA).find((e) => e.intent?.intent === "hold-one-on-one");
    expect(hold).toMatchObject({ to: `/reports/${ADA.id}/one-on-ones`, intent: { reportId: ADA.id } });
  });
});
