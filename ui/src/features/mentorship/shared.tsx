// Small pieces shared by the Mentorship tab and the Overview's negative-feedback card.
import { Badge } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";

import type { Feedback, FeedbackDraft, Mentorship, ReportId, Sentiment } from "../../bindings";
import { recordKeys } from "../../api/record";
import { formatDate } from "../../lib/dates";
import { SENTIMENTS, labelOf } from "../../lib/labels";

export const SENTIMENT_COLORS: Record<Sentiment, string> = { negative: "red", mixed: "yellow", positive: "green" };

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  return (
    <Badge color={SENTIMENT_COLORS[sentiment]} variant="filled" autoContrast data-testid="sentiment">
      {labelOf(SENTIMENTS, sentiment)}
    </Badge>
  );
}

/** Negative and mixed feedback asks for something to be done about it. */
export function needsAction(f: Feedback): boolean {
  return f.sentiment !== "positive";
}

export function isUnaddressedNegative(f: Feedback): boolean {
  return f.sentiment === "negative" && f.addressedOn === null;
}

/** The draft that stores `f` unchanged (every field, for a full update). */
export function draftOf(f: Feedback): FeedbackDraft {
  return {
    receivedOn: f.receivedOn,
    source: f.source,
    sentiment: f.sentiment,
    words: f.words,
    quotable: f.quotable,
    addressedOn: f.addressedOn ?? "",
    addressedAction: f.addressedAction,
  };
}

/** "Since 1 Mar 2024, ongoing" or "1 Mar 2024 – 5 Jan 2025". */
export function periodText(m: Mentorship): string {
  return m.endedOn
    ? `${formatDate(m.startedOn)} – ${formatDate(m.endedOn)}`
    : `Since ${formatDate(m.startedOn)}, ongoing`;
}

/** Current mentorships first (latest started first), then past ones (latest ended first). */
export function currentFirst(list: Mentorship[]): Mentorship[] {
  return [...list].sort((a, b) => {
    if ((a.endedOn === null) !== (b.endedOn === null)) return a.endedOn === null ? -1 : 1;
    const key = (m: Mentorship) => m.endedOn ?? m.startedOn;
    return key(b).localeCompare(key(a));
  });
}

/** Newest first, whatever order the list came in. */
export function newestFirst(list: Feedback[]): Feedback[] {
  return [...list].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.createdAt.localeCompare(a.createdAt));
}

/** For a conflicting edit: drop what was typed and load the stored mentorships. */
export function useReloadMentorships(reportId: ReportId) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: recordKeys.mentorships(reportId) });
}
