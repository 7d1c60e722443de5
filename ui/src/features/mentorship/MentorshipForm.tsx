// Add or edit a mentorship: who the report mentors, towards what, and since when.
import { Paper, SimpleGrid, Textarea, Title } from "@mantine/core";

import type { MentorshipDraft, Report } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { useReloadMentorships } from "./shared";

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
  const form = useRecordForm(initial, onSubmit);
  const reload = useReloadMentorships(report.id);
  const { values, set, text } = form;
  return (
    <Paper withBorder p="md">
      <RecordForm
        form={form}
        label={title}
        submitLabel={submitLabel}
        submitTestId="save-mentorship"
        onCancel={onCancel}
        onReload={reload}
        header={
          <Title order={4} size="h4">
            {title}
          </Title>
        }
      >
        <PersonPicker
          label="Mentee"
          description="Someone in your org they mentor; type a name to add someone new"
          required
          exclude={[report.personId]}
          newRelationship="my_org"
          value={values.menteeId}
          onChange={(id) => set("menteeId", id)}
          {...form.field("menteeId")}
        />
        <Textarea label="Goals" description="What the mentee wants to grow in" autosize minRows={2} maxRows={8} {...text("goals")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label="Started on" withAsterisk {...text("startedOn")} />
          <DateInput label="Ended on" description="Leave empty while it continues" {...text("endedOn")} />
        </SimpleGrid>
      </RecordForm>
    </Paper>
  );
}
