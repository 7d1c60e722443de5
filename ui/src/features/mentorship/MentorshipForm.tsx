// Add or edit a mentorship: who the report mentors, towards what, and since when.
import { Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from "@mantine/core";
import type { ReactNode } from "react";

import type { MentorshipDraft, Report } from "../../bindings";
import { PersonPicker } from "../../components/PersonPicker";
import { FormFailure, FormFooter, useDraftForm } from "./form";
import { ConflictReload } from "./shared";

type Props = {
  report: Report;
  initial: MentorshipDraft;
  title: string;
  submitLabel: string;
  /** Saves the draft; rejects with a CommandError whose field issues are shown inline. */
  onSubmit: (draft: MentorshipDraft) => Promise<unknown>;
  onCancel: () => void;
};

export function MentorshipForm({ report, initial, title, submitLabel, onSubmit, onCancel }: Props) {
  const form = useDraftForm(initial, onSubmit, onCancel);
  const { values, set, field } = form;
  return (
    <Paper withBorder p="md">
      <form {...form.formProps} aria-label={title}>
        <Stack gap="sm">
          <Title order={4} size="h4">
            {title}
          </Title>
          <FormFailure form={form} actions={<ConflictReload error={form.failure} reportId={report.id} />} />
          <PersonPicker
            label="Mentee"
            description="Someone in your org they mentor; type a name to add someone new"
            required
            exclude={[report.personId]}
            newRelationship="my_org"
            value={values.menteeId}
            onChange={(id) => set("menteeId", id)}
            error={form.errors.menteeId}
            data-testid="field-menteeId"
          />
          <Textarea
            label="Goals"
            description="What the mentee wants to grow in"
            autosize
            minRows={2}
            maxRows={8}
            {...field("goals")}
            value={values.goals}
            onChange={(e) => set("goals", e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label="Started on" required {...field("startedOn")} value={values.startedOn} onChange={(v) => set("startedOn", v)} />
            <DateInput
              label="Ended on"
              description="Leave empty while it continues"
              {...field("endedOn")}
              value={values.endedOn}
              onChange={(v) => set("endedOn", v)}
            />
          </SimpleGrid>
          <FormFooter form={form} submitLabel={submitLabel} submitTestId="save-mentorship" />
        </Stack>
      </form>
    </Paper>
  );
}

/** A YYYY-MM-DD text field, as in the report form. */
export function DateInput(props: {
  label: string;
  description?: ReactNode;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  errorProps?: Record<string, string>;
  "data-testid"?: string;
}) {
  const { onChange, required, ...rest } = props;
  return (
    <TextInput
      {...rest}
      withAsterisk={required}
      placeholder="YYYY-MM-DD"
      inputMode="numeric"
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
