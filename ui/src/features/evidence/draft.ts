// The evidence and visibility forms' values (as the inputs hold them) and their conversion to
// the drafts the core validates. The core is the only judge of validity.
import type {
  Archetype,
  Evidence,
  EvidenceDraft,
  EvidenceKind,
  EvidenceRole,
  Link,
  PersonId,
  VisibilityChannel,
  VisibilityDraft,
  VisibilityEntry,
  WorkMix,
} from "../../bindings";
import { todayIso } from "../../lib/dates";

export type EvidenceFormValues = {
  title: string;
  description: string;
  startedOn: string;
  endedOn: string;
  kind: string;
  role: string;
  coOwnerIds: PersonId[];
  impact: string;
  links: Link[];
  inProductionSince: string;
  archetype: string;
  workMix: string;
  /** The project the packet leads with (one per report). */
  flagship: boolean;
};

export const EMPTY_EVIDENCE: EvidenceFormValues = {
  title: "",
  description: "",
  startedOn: "",
  endedOn: "",
  kind: "",
  role: "",
  coOwnerIds: [],
  impact: "",
  links: [],
  inProductionSince: "",
  archetype: "",
  workMix: "untagged",
  flagship: false,
};

export function formFromEvidence(e: Evidence): EvidenceFormValues {
  return {
    title: e.title,
    description: e.description,
    startedOn: e.startedOn,
    endedOn: e.endedOn ?? "",
    kind: e.kind,
    role: e.role,
    coOwnerIds: e.coOwners.map((p) => p.id),
    impact: e.impact,
    links: e.links.map((l) => ({ ...l })),
    inProductionSince: e.inProductionSince ?? "",
    archetype: e.archetype ?? "",
    workMix: e.workMix,
    flagship: e.flagship,
  };
}

export function evidenceDraft(v: EvidenceFormValues): EvidenceDraft {
  return {
    title: v.title,
    description: v.description,
    startedOn: v.startedOn,
    endedOn: v.endedOn,
    kind: (v.kind || null) as EvidenceKind | null,
    role: (v.role || null) as EvidenceRole | null,
    coOwnerIds: v.coOwnerIds,
    impact: v.impact,
    links: v.links.map((l) => ({ url: l.url, label: l.label })),
    inProductionSince: v.inProductionSince,
    archetype: (v.archetype || null) as Archetype | null,
    workMix: (v.workMix || null) as WorkMix | null,
    flagship: v.flagship,
  };
}

export type VisibilityFormValues = {
  personId: PersonId | null;
  channel: string;
  seenOn: string;
  detail: string;
};

export function emptyVisibility(): VisibilityFormValues {
  return { personId: null, channel: "", seenOn: todayIso(), detail: "" };
}

export function formFromVisibility(v: VisibilityEntry): VisibilityFormValues {
  return { personId: v.person.id, channel: v.channel, seenOn: v.seenOn, detail: v.detail };
}

export function visibilityDraft(v: VisibilityFormValues): VisibilityDraft {
  return {
    personId: v.personId,
    channel: (v.channel || null) as VisibilityChannel | null,
    seenOn: v.seenOn,
    detail: v.detail,
  };
}
