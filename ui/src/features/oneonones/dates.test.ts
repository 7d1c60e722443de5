import { describe, expect, it } from "vitest";

import { addDays, dayDate, isOverdue, relativeDay } from "./dates";
import { excerpt, titleFrom } from "./shared";

describe("1:1 dates and words", () => {
  it("reads dates with their weekday, and how far they are from today", () => {
    expect(dayDate("2026-11-26")).toBe("Thu 26 Nov 2026");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    const today = "2026-11-24";
    expect(relativeDay("2026-11-24", today)).toBe("today");
    expect(relativeDay("2026-11-25", today)).toBe("tomorrow");
    expect(relativeDay("2026-11-23", today)).toBe("yesterday");
    expect(relativeDay("2026-11-29", today)).toBe("in 5 days");
    expect(relativeDay("2026-11-03", today)).toBe("3 weeks ago");
    expect(isOverdue("2026-11-23", today)).toBe(true);
    expect(isOverdue("2026-11-24", today)).toBe(false);
    expect(isOverdue(null, today)).toBe(false);
  });

  it("titles evidence with the first line, at most 120 characters", () => {
    expect(titleFrom("  Demo at the platform review\nShe presents the ledger.")).toBe("Demo at the platform review");
    const long = "x".repeat(130);
    expect(titleFrom(long)).toHaveLength(120);
    expect(titleFrom(long).endsWith("…")).toBe(true);
    expect(excerpt("one\ntwo   three", 50)).toBe("one two three");
    expect(excerpt("abcdefghij", 5)).toBe("abcd…");
  });
});
