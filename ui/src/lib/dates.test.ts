import { describe, expect, it } from "vitest";

import { dayDate, formatDate, formatMonth } from "./dates";

describe("dates as the manager reads them", () => {
  it("writes September as the exports do ('Sep', not the locale's 'Sept')", () => {
    expect(formatDate("2026-09-25")).toBe("25 Sep 2026");
    expect(dayDate("2026-09-25")).toBe("Fri 25 Sep 2026");
    expect(formatMonth("2026-09-01")).toBe("Sep 2026");
    expect(formatDate("2027-01-04")).toBe("4 Jan 2027");
    expect(formatDate("not a date")).toBe("not a date");
  });
});
