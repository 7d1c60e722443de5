// The packet editor's values (every section, every field present) and their conversion to
// the sections the core validates; and keeping the core's errors on the right rows
// ("knownGaps.1.plan") while rows are edited or removed.
import type { EvidenceId, KnownGap, PacketItem, PacketSections, StaffProject } from "../../bindings";
import type { Errors } from "../../components/form/useRecordForm";

export type Project = Required<StaffProject>;
export type Item = Required<PacketItem>;
export type Gap = Required<KnownGap>;

export type PacketValues = {
  staffProjects: Project[];
  orgImprovements: Item[];
  quantifiedImpact: string;
  mentorship: string;
  glueWork: Item[];
  advocates: string;
  knownGaps: Gap[];
  /** Said of the version being saved: "after the staff peer review". */
  note: string;
};

export const EMPTY_PROJECT: Project = { title: "", goal: "", complexity: "", impact: "", designDocs: "", evidenceIds: [] };
export const EMPTY_ITEM: Item = { title: "", body: "", evidenceIds: [] };
export const EMPTY_GAP: Gap = { gap: "", plan: "" };

const ids = (list?: EvidenceId[]) => [...(list ?? [])];

/** The editor's values from a saved version's sections (or an empty packet). */
export function valuesFrom(s: PacketSections = {}): PacketValues {
  return {
    staffProjects: (s.staffProjects ?? []).map((p) => ({ ...EMPTY_PROJECT, ...p, evidenceIds: ids(p.evidenceIds) })),
    orgImprovements: (s.orgImprovements ?? []).map((i) => ({ ...EMPTY_ITEM, ...i, evidenceIds: ids(i.evidenceIds) })),
    quantifiedImpact: s.quantifiedImpact ?? "",
    mentorship: s.mentorship ?? "",
    glueWork: (s.glueWork ?? []).map((i) => ({ ...EMPTY_ITEM, ...i, evidenceIds: ids(i.evidenceIds) })),
    advocates: s.advocates ?? "",
    knownGaps: (s.knownGaps ?? []).map((g) => ({ ...EMPTY_GAP, ...g })),
    note: "",
  };
}

/** Every section, whole: a version stores the packet entire. */
export function sectionsOf(v: PacketValues): PacketSections {
  return {
    staffProjects: v.staffProjects.map((p) => ({ ...p, evidenceIds: [...p.evidenceIds] })),
    orgImprovements: v.orgImprovements.map((i) => ({ ...i, evidenceIds: [...i.evidenceIds] })),
    quantifiedImpact: v.quantifiedImpact,
    mentorship: v.mentorship,
    glueWork: v.glueWork.map((i) => ({ ...i, evidenceIds: [...i.evidenceIds] })),
    advocates: v.advocates,
    knownGaps: v.knownGaps.map((g) => ({ ...g })),
  };
}

/** The errors without `keys`. */
export function omit(errors: Errors, keys: string[]): Errors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k)));
}

/** Errors after row `removed` of list `name` is gone: its own vanish, later rows' move up. */
export function withoutRow(errors: Errors, name: string, removed: number): Errors {
  const next: Errors = {};
  const prefix = `${name}.`;
  for (const [key, message] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) {
      if (key !== name) next[key] = message;
      continue;
    }
    const [index, ...rest] = key.slice(prefix.length).split(".");
    const i = Number(index);
    if (i < removed) next[key] = message;
    else if (i > removed) next[[name, i - 1, ...rest].join(".")] = message;
  }
  return next;
}
