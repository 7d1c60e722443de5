// The report form's values (all strings, as inputs hold them) and their conversion to the
// draft the core validates. The core is the only judge of validity.
import type { Archetype, Report, ReportDraft, TeamStrength } from "../../bindings";
import { CADENCES, DEFAULT_CADENCE_DAYS } from "../../lib/cadence";

/** The "1:1 every" choice for a number of days not among the usual cadences. */
export const CUSTOM_CADENCE = "custom";

export type ReportFormValues = {
  name: string;
  currentLevelId: string;
  targetLevelId: string;
  team: string;
  inRoleSince: string;
  archetypeWorked: string;
  archetypeNeeded: string;
  teamStrength: string;
  notes: string;
  /** Days of one of the usual cadences ("14"), or CUSTOM_CADENCE. */
  oneOnOneEvery: string;
  /** The typed number of days when the cadence is custom, as the number input holds it. */
  oneOnOneDays: number | string;
};

export const EMPTY_FORM: ReportFormValues = {
  name: "",
  currentLevelId: "",
  targetLevelId: "",
  team: "",
  inRoleSince: "",
  archetypeWorked: "",
  archetypeNeeded: "",
  teamStrength: "",
  notes: "",
  oneOnOneEvery: String(DEFAULT_CADENCE_DAYS),
  oneOnOneDays: "",
};

export function formFromReport(r: Report): ReportFormValues {
  return {
    name: r.name,
    currentLevelId: r.currentLevel.id,
    targetLevelId: r.targetLevel.id,
    team: r.team,
    inRoleSince: r.inRoleSince,
    archetypeWorked: r.archetypeWorked,
    archetypeNeeded: r.archetypeNeeded,
    teamStrength: r.teamStrength,
    notes: r.notes,
    ...cadenceValues(r.oneOnOneEveryDays),
  };
}

function cadenceValues(days: number): Pick<ReportFormValues, "oneOnOneEvery" | "oneOnOneDays"> {
  return CADENCES.some((c) => c.days === days)
    ? { oneOnOneEvery: String(days), oneOnOneDays: "" }
    : { oneOnOneEvery: CUSTOM_CADENCE, oneOnOneDays: days };
}

/** The days the form says; an emptied or unreadable custom number goes as 0, for the core to reject in words. */
function cadenceDays(v: ReportFormValues): number | null {
  if (v.oneOnOneEvery === "") return null;
  const raw = v.oneOnOneEvery === CUSTOM_CADENCE ? v.oneOnOneDays : v.oneOnOneEvery;
  const n = typeof raw === "number" ? raw : Number(raw);
  return Number.isFinite(n) && String(raw).trim() !== "" ? n : 0;
}

export function draftFromForm(v: ReportFormValues): ReportDraft {
  return {
    name: v.name,
    currentLevelId: v.currentLevelId || null,
    targetLevelId: v.targetLevelId || null,
    team: v.team,
    inRoleSince: v.inRoleSince,
    archetypeWorked: (v.archetypeWorked || null) as Archetype | null,
    archetypeNeeded: (v.archetypeNeeded || null) as Archetype | null,
    teamStrength: (v.teamStrength || null) as TeamStrength | null,
    notes: v.notes,
    oneOnOneEveryDays: cadenceDays(v),
  };
}
