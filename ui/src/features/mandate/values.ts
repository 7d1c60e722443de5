// The mandate forms' values (strings, as inputs hold them) and their conversion to what the
// core validates. The core is the only judge of validity.
import type { Assessment, Mandate, MandateClosing, MandateDraft, MandateReviewDraft, MandateStatus, ReviewOutcome } from "../../bindings";
import { addMonths, todayIso } from "../../lib/dates";

/** A review's next date is offered this many months after the review. */
export const NEXT_REVIEW_MONTHS = 3;

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
  /** A review (review only): when, what it decided, a note and the next review. */
  reviewedOn: string;
  outcome: string;
  note: string;
  nextReviewOn: string;
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
    reviewedOn: today,
    outcome: "",
    note: "",
    nextReviewOn: addMonths(today, NEXT_REVIEW_MONTHS),
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

/**
 * The review the form describes. A dropped mandate has no next review (whatever was typed there
 * before choosing "dropped"); a changed one reads as the fields say from now on (its set-on date
 * and review date are the core's to keep and move).
 */
export function reviewOf(v: MandateValues, current: Mandate): MandateReviewDraft {
  const outcome = (v.outcome || null) as ReviewOutcome | null;
  return {
    reviewedOn: v.reviewedOn,
    outcome,
    note: v.note,
    nextReviewOn: outcome === "dropped" ? "" : v.nextReviewOn,
    changed: outcome === "changed" ? { ...draftOf(v), setOn: current.setOn, reviewBy: "" } : null,
  };
}
