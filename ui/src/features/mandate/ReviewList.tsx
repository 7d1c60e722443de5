// A mandate's reviews, newest first: "Kept on 2 Feb 2027 · next review 2 May 2027", with the note.
import { List, Text } from "@mantine/core";

import type { MandateReview } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { outcomeLabel } from "./ReviewFields";

/** "Kept on 2 Feb 2027 · next review 2 May 2027", "Dropped on 3 Mar 2027". */
export function reviewLine(r: MandateReview): string {
  const next = r.nextReviewOn ? ` · next review ${formatDate(r.nextReviewOn)}` : "";
  return `${outcomeLabel(r.outcome)} on ${formatDate(r.reviewedOn)}${next}`;
}

export function ReviewList({ reviews, empty }: { reviews: MandateReview[]; empty?: string }) {
  if (reviews.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed" fs="italic" data-testid="no-mandate-reviews">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <List spacing={4} size="sm" listStyleType="none" aria-label="Reviews of the mandate" data-testid="mandate-reviews">
      {reviews.map((r) => (
        <List.Item key={r.id} data-testid="mandate-review">
          <Text size="sm" component="span" fw={500}>
            {reviewLine(r)}
          </Text>
          {r.note && (
            <Text size="sm" c="dimmed" className="pre-wrap">
              {r.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
