import { Anchor, NativeSelect, SimpleGrid, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";

import type { Person, PersonDraft, Relationship } from "../../bindings";
import { recordKeys, useCreatePerson, useUpdatePerson } from "../../api/record";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { RELATIONSHIPS } from "../../lib/labels";

type Values = { name: string; title: string; relationship: string; notes: string };

function draftOf(v: Values): PersonDraft {
  return { name: v.name, title: v.title, relationship: (v.relationship || null) as Relationship | null, notes: v.notes };
}

type Props = {
  /** The person to edit; a new person when absent. */
  person?: Person;
  /** Preselected relationship for a new person. */
  relationship?: Relationship;
  onDone: () => void;
};

/** Add someone to the directory, or edit them. A report's relationship is fixed. */
export function PersonForm({ person, relationship, onDone }: Props) {
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const client = useQueryClient();
  const initial: Values = person
    ? { name: person.name, title: person.title, relationship: person.relationship, notes: person.notes }
    : { name: "", title: "", relationship: relationship ?? "", notes: "" };
  const form = useRecordForm(initial, async (values) => {
    const draft = draftOf(values);
    const saved = person
      ? await update.mutateAsync({ id: person.id, expectedVersion: person.version, draft })
      : await create.mutateAsync(draft);
    notifications.show({ message: person ? `Saved ${saved.name}.` : `Added ${saved.name} to people.`, color: "teal" });
    onDone();
  });
  const isReport = person?.reportId != null;
  const choices = isReport
    ? RELATIONSHIPS.filter((r) => r.value === "report")
    : [{ value: "", label: "Choose…" }, ...RELATIONSHIPS.filter((r) => r.value !== "report")];

  return (
    <RecordForm
      form={form}
      label={person ? `Edit ${person.name}` : "New person"}
      submitLabel={person ? "Save changes" : "Add person"}
      onCancel={onDone}
      onReload={person ? () => void client.invalidateQueries({ queryKey: recordKeys.people }) : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          description={isReport ? "Also renames the report on the roster" : undefined}
          withAsterisk
          autoFocus
          {...form.text("name")}
        />
        <TextInput
          label="Role or title"
          placeholder="VP Engineering"
          {...form.text("title")}
        />
      </SimpleGrid>
      <NativeSelect
        label="Relationship to your org"
        description={isReport ? undefined : "Skip-level is your own manager: the person whose view of the work matters most"}
        withAsterisk
        disabled={isReport}
        data={choices}
        {...form.text("relationship")}
      />
      {isReport && person?.reportId && (
        <Text size="sm" c="dimmed" data-testid="report-person-note">
          {person.name} is one of your reports, so the relationship stays “My report”. Their level,
          team and archetype are edited on the roster:{" "}
          <Anchor component={Link} href={`/reports/${person.reportId}`}>
            open {person.name}'s report
          </Anchor>
          .
        </Text>
      )}
      <Textarea
        label="Notes"
        description="Private to you"
        autosize
        minRows={2}
        maxRows={8}
        {...form.text("notes")}
      />
    </RecordForm>
  );
}
