// Who saw a piece of evidence: the person, how, when, and a detail.
import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect } from "react";

import type { Report } from "../../bindings";
import { PersonPicker } from "../../components/PersonPicker";
import { CHANNELS } from "../../lib/labels";
import type { VisibilityFormValues } from "./draft";
import { FormFrame, useRecordForm } from "./formKit";

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
  const { formRef } = form;
  // Opening the form starts with the person: the picker has no autoFocus of its own.
  useEffect(() => formRef.current?.querySelector<HTMLElement>("input")?.focus(), [formRef]);
  return (
    <FormFrame form={form} label={label} submitLabel={submitLabel} onCancel={onCancel}>
      <PersonPicker
        label="Who saw it"
        description="The skip-level, committee members, leaders and partners are the ones who count"
        required
        exclude={[report.personId]}
        newRelationship="leadership"
        value={form.values.personId}
        error={form.errors.personId}
        data-testid="field-personId"
        onChange={(id) => form.set("personId", id)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="How they saw it"
          withAsterisk
          data={[{ value: "", label: "Choose…" }, ...CHANNELS]}
          {...form.text("channel")}
        />
        <TextInput label="Seen on" withAsterisk placeholder="YYYY-MM-DD" inputMode="numeric" {...form.text("seenOn")} />
      </SimpleGrid>
      <TextInput label="Detail" description="Which demo, doc or meeting" {...form.text("detail")} />
    </FormFrame>
  );
}
