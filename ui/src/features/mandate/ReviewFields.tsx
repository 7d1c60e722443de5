// The review of the current mandate: what it decided (kept, changed, dropped), when, a note, and
// when to look at it again. A dropped mandate ends on the review's day and has no next review.
import { Radio, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";

import type { Mandate, ReviewOutcome } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import type { useRecordForm } from "../../components/form/useRecordForm";
import { formatDate, todayIso } from "../../lib/dates";
import type { MandateValues } from "./values";

export const REVIEW_OUTCOMES: { value: ReviewOutcome; label: string; hint: string }[] = [
  { value: "kept", label: "Kept", hint: "Still the right problem, still valued: it stays as it is" },
  { value: "changed", label: "Changed", hint: "Still theirs, but reworded, re-prioritised or re-sponsored" },
  { value: "dropped", label: "Dropped", hint: "No longer theirs: the mandate ends on the review's day" },
];

export function outcomeLabel(o: ReviewOutcome): string {
  return REVIEW_OUTCOMES.find((x) => x.value === o)?.label ?? o;
}

type Form = ReturnType<typeof useRecordForm<MandateValues>>;

export function ReviewFields({ form, current }: { form: Form; current: Mandate }) {
  const { values, text } = form;
  const dropped = values.outcome === "dropped";
  return (
    <>
      <Radio.Group
        label="What did the review decide?"
        description={
          current.reviewBy
            ? `${current.reviewBy < todayIso() ? "The review was due by" : "The review is due by"} ${formatDate(current.reviewBy)}.`
            : "No review date was set."
        }
        withAsterisk
        value={values.outcome}
        onChange={(v) => form.set("outcome", v)}
        {...form.field("outcome")}
      >
        <Stack gap={6} mt={6}>
          {REVIEW_OUTCOMES.map((o, i) => (
            <Radio key={o.value} value={o.value} label={o.label} description={o.hint} autoFocus={i === 0} />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput label="Reviewed on" description="When you looked at it together" withAsterisk {...text("reviewedOn")} />
        {dropped ? (
          <Text size="sm" c="dimmed" mt={{ sm: "lg" }} data-testid="no-next-review">
            A dropped mandate ends on the review's day: there is no next review. Set a new mandate
            afterwards if they now own another problem.
          </Text>
        ) : (
          <DateInput label="Next review" description="When to check again that it still holds" withAsterisk {...text("nextReviewOn")} />
        )}
      </SimpleGrid>
      <Textarea
        label="Note"
        description={dropped ? "Why it was dropped (required): deprioritised, handed over, absorbed by another team…" : "What was discussed and decided"}
        withAsterisk={dropped}
        autosize
        minRows={2}
        {...text("note")}
      />
      <Text size="xs" c="dimmed">
        The review is kept with the mandate, so its history shows when it was last confirmed to matter.
      </Text>
    </>
  );
}
