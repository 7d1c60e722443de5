// Add or edit one piece of a mentee's feedback, in their words.
import { Checkbox, NativeSelect, Paper, SimpleGrid, Textarea, Title } from "@mantine/core";

import type { FeedbackDraft, FeedbackSource, ReportId, Sentiment } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { FEEDBACK_SOURCES, SENTIMENTS } from "../../lib/labels";
import { useReloadMentorships } from "./shared";

type Props = {
  reportId: ReportId;
  initial: FeedbackDraft;
  /** The form's accessible name and heading ("Add feedback from Bob"). */
  title: string;
  submitLabel: string;
  /** Offer the "addressed" fields (when editing). */
  withAddressed?: boolean;
  onSubmit: (draft: FeedbackDraft) => Promise<unknown>;
  onCancel: () => void;
};

const CHOOSE = { value: "", label: "Choose…" };

export function FeedbackForm({ reportId, initial, title, submitLabel, withAddressed, onSubmit, onCancel }: Props) {
  const form = useRecordForm(initial, onSubmit);
  const reload = useReloadMentorships(reportId);
  const { values, set, field, text } = form;
  const showAddressed =
    withAddressed && (values.sentiment !== "positive" || values.addressedOn !== "" || values.addressedAction !== "");
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-body)">
      <RecordForm
        form={form}
        label={title}
        submitLabel={submitLabel}
        submitTestId="save-feedback"
        onCancel={onCancel}
        onReload={reload}
        header={
          <Title order={5} size="h5">
            {title}
          </Title>
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="Received on" withAsterisk {...text("receivedOn")} />
          {/* Source and sentiment are null until chosen: "Choose…" stands for null. */}
          <NativeSelect
            label="Source"
            withAsterisk
            data={[CHOOSE, ...FEEDBACK_SOURCES]}
            {...field("source")}
            value={values.source ?? ""}
            onChange={(e) => set("source", (e.currentTarget.value || null) as FeedbackSource | null)}
          />
          <NativeSelect
            label="Sentiment"
            withAsterisk
            data={[CHOOSE, ...SENTIMENTS]}
            {...field("sentiment")}
            value={values.sentiment ?? ""}
            onChange={(e) => set("sentiment", (e.currentTarget.value || null) as Sentiment | null)}
          />
        </SimpleGrid>
        <Textarea
          label="Their words"
          description="What they said about being mentored, as they said it"
          withAsterisk
          autosize
          minRows={2}
          maxRows={10}
          {...text("words")}
        />
        <Checkbox
          label="May be quoted in calibration"
          description="Only with their permission: calibration notes include quotable words only"
          checked={values.quotable}
          error={form.errors.quotable}
          data-testid="field-quotable"
          onChange={(e) => set("quotable", e.currentTarget.checked)}
        />
        {showAddressed && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label="Addressed on" description="Empty while nothing was done yet" {...text("addressedOn")} />
            <Textarea label="What was done" autosize minRows={1} maxRows={6} {...text("addressedAction")} />
          </SimpleGrid>
        )}
      </RecordForm>
    </Paper>
  );
}
