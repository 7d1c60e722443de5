// Who saw a piece of evidence: the person, how, when, and a detail.
import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";

import type { Report } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { CHANNELS } from "../../lib/labels";
import type { VisibilityFormValues } from "./draft";

type Props = {
  report: Report;
  initial: VisibilityFormValues;
  label: string;
  submitLabel: string;
  onSubmit: (values: VisibilityFormValues) => Promise<unknown>;
  onCancel: () => void;
};

export function VisibilityForm({ report, initial, label, submitLabel, onSubmit, onCancel }: Props) {
  const form = useRecordForm(initial, onSubmit);
  return (
    // Opening the form starts with the person (the picker has no autoFocus of its own).
    <RecordForm form={form} label={label} submitLabel={submitLabel} onCancel={onCancel} autoFocus>
      <PersonPicker
        label="Who saw it"
        description="The skip-level, committee members, leaders and partners are the ones who count"
        required
        exclude={[report.personId]}
        newRelationship="leadership"
        value={form.values.personId}
        onChange={(id) => form.set("personId", id)}
        {...form.field("personId")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="How they saw it"
          withAsterisk
          data={[{ value: "", label: "Choose…" }, ...CHANNELS]}
          {...form.text("channel")}
        />
        <DateInput label="Seen on" withAsterisk {...form.text("seenOn")} />
      </SimpleGrid>
      <TextInput label="Detail" description="Which demo, doc or meeting" {...form.text("detail")} />
    </RecordForm>
  );
}
