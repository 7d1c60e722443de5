import { describe, expect, it } from "vitest";

import { describeCheck } from "../../lib/checks";
import { countdown, leadTime, packetStatus } from "./format";
import { withoutRow } from "./packetValues";

describe("countdown", () => {
  it("says how far a date is, in the unit that reads best", () => {
    expect(countdown("2026-11-15", "2026-11-15")).toBe("today");
    expect(countdown("2026-11-16", "2026-11-15")).toBe("in 1 day");
    expect(countdown("2026-11-28", "2026-11-15")).toBe("in 13 days");
    expect(countdown("2026-12-01", "2026-11-15")).toBe("in 2 weeks");
    expect(countdown("2027-03-15", "2026-11-15")).toBe("in 4 months");
    expect(countdown("2028-01-20", "2026-11-15")).toBe("in 1 year 2 months");
    expect(countdown("2026-11-12", "2026-11-15")).toBe("3 days ago");
    expect(countdown("2026-03-16", "2026-11-15")).toBe("7 months ago");
    expect(countdown("not a date", "2026-11-15")).toBe("");
  });
});

describe("words for the radar", () => {
  it("describes machine checks, lead times and packet status", () => {
    expect(describeCheck({ check: "led_evidence_of_kind", kinds: ["org_improvement"] })).toBe("They led an org-level improvement");
    expect(describeCheck({ check: "led_evidence_of_kind", kinds: ["project", "cross_functional_support"] })).toBe("They led a project or cross-functional support");
    expect(describeCheck({ check: "led_evidence_of_kind", kinds: ["project", "glue_work", "strategy"] })).toBe("They led a project, glue work or a strategy");
    expect(describeCheck({ check: "led_evidence_of_kind", kinds: [] })).toBe("They led work of a kind not chosen yet");
    expect(describeCheck({ check: "min_advocates", count: 1 })).toBe("At least 1 advocate with strong or moderate support");
    expect(describeCheck({ check: "seen_by_committee", count: 2 })).toBe("Their top work has been seen by at least 2 committee members");
    expect(leadTime(1)).toBe("1 day before calibration");
    expect(leadTime(-3)).toBe("3 days after calibration");
    expect(leadTime(null)).toBe("");
    expect(packetStatus(0)).toBe("no draft");
    expect(packetStatus(1)).toBe("1 version");
  });
});

describe("withoutRow", () => {
  it("drops the removed row's errors and moves later rows' up, leaving other sections alone", () => {
    const errors = {
      "knownGaps.0.plan": "a",
      "knownGaps.1.gap": "b",
      "knownGaps.2.plan": "c",
      knownGaps: "too many",
      "staffProjects.1.title": "d",
    };
    expect(withoutRow(errors, "knownGaps", 1)).toEqual({
      "knownGaps.0.plan": "a",
      "knownGaps.1.plan": "c",
      "staffProjects.1.title": "d",
    });
  });
});
