// Every threshold of the radar: what it means, its unit and the core's default
// (model::radar::Thresholds::default), in the groups the settings page shows.
import type { Thresholds } from "../../bindings";

export type ThresholdKey = keyof Thresholds;

export type ThresholdInfo = { key: ThresholdKey; label: string; meaning: string; unit: string; default: number };

export const THRESHOLD_GROUPS: { title: string; about: string; fields: ThresholdInfo[] }[] = [
  {
    title: "Packet and reviews",
    about: "Only for reports who are candidates in a cycle: the draft is counted back from calibration, the reviews from the day packets are due.",
    fields: [
      { key: "packetDraftMonths", label: "Packet draft due", meaning: "No packet draft this long before calibration is a high risk.", unit: "months", default: 4 },
      { key: "staffPeerReviewWeeks", label: "Staff-peer review due", meaning: "No review of the packet by a staff-level peer this many weeks before packets are due.", unit: "weeks", default: 6 },
      { key: "managerReviewWeeks", label: "Manager review due", meaning: "No review of the packet by you this many weeks before packets are due.", unit: "weeks", default: 4 },
      { key: "skipLevelReviewWeeks", label: "Skip-level review due", meaning: "No review of the packet by the skip-level this many weeks before packets are due.", unit: "weeks", default: 2 },
    ],
  },
  {
    title: "Visibility",
    about: "Work the people who decide have not seen does not count in the room.",
    fields: [
      { key: "seenSharePercent", label: "Share of work seen", meaning: "Less of the evidence than this seen by the committee (or the skip-level) is a risk.", unit: "%", default: 50 },
    ],
  },
  {
    title: "Work mix",
    about: "Work that feels high-impact but is not: snacking, preening, chasing ghosts.",
    fields: [
      { key: "workMixMonths", label: "Work-mix window", meaning: "How far back the work mix is looked at.", unit: "months", default: 6 },
      { key: "workMixPercent", label: "Work-mix drift share", meaning: "More of the recent evidence than this tagged snacking, preening or chasing ghosts is drift.", unit: "%", default: 30 },
    ],
  },
  {
    title: "Evidence",
    about: "Thin or unquantified evidence is hard to defend in calibration.",
    fields: [
      { key: "evidenceMonths", label: "Evidence window", meaning: "How far back evidence is counted.", unit: "months", default: 6 },
      { key: "evidenceMinItems", label: "Minimum evidence items", meaning: "Fewer evidence items than this in the window is thin evidence.", unit: "items", default: 3 },
      { key: "unquantifiedPercent", label: "Unquantified share", meaning: "More of the evidence in the window than this without a stated impact is a risk.", unit: "%", default: 50 },
    ],
  },
];

export const THRESHOLD_FIELDS: ThresholdInfo[] = THRESHOLD_GROUPS.flatMap((g) => g.fields);

/** What the number inputs hold: a number, or text while being typed (or emptied). */
export type ThresholdValues = Record<ThresholdKey, number | string>;

export const DEFAULTS: ThresholdValues = Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, f.default])) as ThresholdValues;

export function valuesOf(t: Thresholds): ThresholdValues {
  return Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, t[f.key] ?? f.default])) as ThresholdValues;
}

/** Every threshold as a whole number; what cannot be read as one is sent as 0 for the core to reject. */
export function thresholdsOf(v: ThresholdValues): Required<Thresholds> {
  return Object.fromEntries(
    THRESHOLD_FIELDS.map((f) => {
      const n = typeof v[f.key] === "number" ? (v[f.key] as number) : Number(v[f.key]);
      return [f.key, Number.isFinite(n) && String(v[f.key]).trim() !== "" ? n : 0];
    }),
  ) as Required<Thresholds>;
}
