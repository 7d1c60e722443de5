import { describe, expect, it } from "vitest";

import { formatDate, timeSince } from "./dates";
import { archetypeLabel } from "./labels";

describe("labels", () => {
  it("measures time in role in years and months", () => {
    const today = new Date(2026, 10, 24); // 24 Nov 2026
    expect(timeSince("2024-07-24", today)).toBe("2 y 4 mo");
    expect(timeSince("2024-07-25", today)).toBe("2 y 3 mo");
    expect(timeSince("2025-11-24", today)).toBe("1 y");
    expect(timeSince("2026-11-01", today)).toBe("under a month");
    expect(timeSince("garbage", today)).toBe("");
  });

  it("formats dates and archetypes for people", () => {
    expect(formatDate("2024-03-01")).toBe("1 Mar 2024");
    expect(formatDate("2024-03-01T10:00:00Z")).toBe("1 Mar 2024");
    expect(archetypeLabel("right_hand")).toBe("Right Hand");
  });
});
