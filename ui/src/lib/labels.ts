// Words the UI shows for the core's values (DOMAIN.md vocabulary).
import type { Archetype, TeamStrength } from "../bindings";

export const ARCHETYPES: { value: Archetype; label: string; hint: string }[] = [
  { value: "tech_lead", label: "Tech Lead", hint: "Guides one team's approach and execution" },
  { value: "architect", label: "Architect", hint: "Owns direction of a technical area across teams" },
  { value: "solver", label: "Solver", hint: "Takes on whatever leadership worries about most" },
  { value: "right_hand", label: "Right Hand", hint: "Extends a senior leader's reach" },
  { value: "unclear", label: "Unclear", hint: "Not yet clear: worth discussing" },
];

export function archetypeLabel(a: Archetype): string {
  return ARCHETYPES.find((x) => x.value === a)?.label ?? a;
}

export const TEAM_STRENGTHS: { value: TeamStrength; label: string }[] = [
  { value: "strong", label: "Strong team (work belongs to the team)" },
  { value: "weak", label: "Weak team (work belongs to individuals)" },
];

export function teamStrengthLabel(s: TeamStrength): string {
  return s === "strong" ? "Strong team" : "Weak team";
}

/** "2 y 4 mo" from a YYYY-MM-DD date to `today`. */
export function timeSince(isoDate: string, today: Date = new Date()): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return "";
  let months = (today.getFullYear() - y) * 12 + (today.getMonth() + 1 - m);
  if (today.getDate() < d) months -= 1;
  if (months < 1) return "under a month";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} mo`;
  return rest === 0 ? `${years} y` : `${years} y ${rest} mo`;
}

/** A date as the manager reads it: "1 Mar 2024". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}
