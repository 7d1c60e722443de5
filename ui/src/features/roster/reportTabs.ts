// The tabs of a report's page, by address (/reports/:id/:tab): the routes, the page and the
// command palette share them.
export const REPORT_TABS = [
  { value: "overview", label: "Overview" },
  { value: "prep", label: "1:1 prep" },
  { value: "one-on-ones", label: "1:1s" },
  { value: "radar", label: "Radar" },
  { value: "evidence", label: "Evidence" },
  { value: "mentorship", label: "Mentorship" },
  { value: "advocates", label: "Advocates" },
  { value: "timeline", label: "Timeline" },
] as const;
export type ReportTab = (typeof REPORT_TABS)[number]["value"];

/** Whether `tab` names one of a report's tabs. */
export function isReportTab(tab: string): tab is ReportTab {
  return REPORT_TABS.some((t) => t.value === tab);
}
