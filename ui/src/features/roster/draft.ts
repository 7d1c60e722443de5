// The report form's values (all strings, as inputs hold them) and their conversion to the
// draft the core validates. The core is the only judge of validity.
import type { Archetype, Report, ReportDraft, TeamStrength } from "../../bindings";

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
  };
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
  };
}
