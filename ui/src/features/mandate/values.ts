// The mandate forms' values (strings, as inputs hold them) and their conversion to what the
// core validates. The core is the only judge of validity.
import type { Assessment, Mandate, MandateClosing, MandateDraft, MandateStatus } from "../../bindings";
import { todayIso } from "../../lib/dates";

export type MandateValues = {
  statement: string;
  priority: string;
  room: string;
  attention: string;
  sponsorId: string;
  setOn: string;
  reviewBy: string;
  /** How the current mandate ended (replace and close only). */
  status: string;
  reason: string;
  endedOn: string;
};

/** A new mandate set today; a closing that ends today. */
export function emptyValues(): MandateValues {
  const today = todayIso();
  return {
    statement: "",
    priority: "",
    room: "",
    attention: "",
    sponsorId: "",
    setOn: today,
    reviewBy: "",
    status: "",
    reason: "",
    endedOn: today,
  };
}

export function valuesOf(m: Mandate): MandateValues {
  return {
    ...emptyValues(),
    statement: m.statement,
    priority: m.priority,
    room: m.room,
    attention: m.attention,
    sponsorId: m.sponsor?.id ?? "",
    setOn: m.setOn,
    reviewBy: m.reviewBy ?? "",
  };
}

export function draftOf(v: MandateValues): MandateDraft {
  return {
    statement: v.statement,
    priority: v.priority,
    room: (v.room || null) as Assessment | null,
    attention: (v.attention || null) as Assessment | null,
    sponsorId: v.sponsorId || null,
    setOn: v.setOn,
    reviewBy: v.reviewBy,
  };
}

export function closingOf(v: MandateValues): MandateClosing {
  return {
    // Nothing chosen is sent as "active", which the core refuses with a message at the field
    // ("Say whether the mandate was completed or dropped.").
    status: (v.status || "active") as MandateStatus,
    reason: v.reason,
    endedOn: v.endedOn,
  };
}
