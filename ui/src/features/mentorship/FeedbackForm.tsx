// Add or edit one piece of a mentee's feedback, in their words.
import { Checkbox, NativeSelect, Paper, SimpleGrid, Stack, Textarea, Title } from "@mantine/core";

import type { FeedbackDraft, FeedbackSource, ReportId, Sentiment } from "../../bindings";
import { FEEDBACK_SOURCES, SENTIMENTS } from "../../lib/labels";
import { FormFailure, FormFooter, useDraftForm } from "./form";
import { DateInput } from "./MentorshipForm";
import { ConflictReload } from "./shared";

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
  const form = useDraftForm(initial, onSubmit, onCancel);
  const { values, set, field } = form;
  const showAddressed =
    withAddressed && (values.sentiment !== "positive" || values.addressedOn !== "" || values.addressedAction !== "");
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-body)">
      <form {...form.formProps} aria-label={title}>
        <Stack gap="sm">
          <Title order={5} size="h5">
            {title}
          </Title>
          <FormFailure form={form} actions={<ConflictReload error={form.failure} reportId={reportId} />} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateInput label="Received on" required {...field("receivedOn")} value={values.receivedOn} onChange={(v) => set("receivedOn", v)} />
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
            {...field("words")}
            value={values.words}
            onChange={(e) => set("words", e.currentTarget.value)}
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
              <DateInput
                label="Addressed on"
                description="Empty while nothing was done yet"
                {...field("addressedOn")}
                value={values.addressedOn}
                onChange={(v) => set("addressedOn", v)}
              />
              <Textarea
                label="What was done"
                autosize
                minRows={1}
                maxRows={6}
                {...field("addressedAction")}
                value={values.addressedAction}
                onChange={(e) => set("addressedAction", e.currentTarget.value)}
              />
            </SimpleGrid>
          )}
          <FormFooter form={form} submitLabel={submitLabel} submitTestId="save-feedback" />
        </Stack>
      </form>
    </Paper>
  );
}
