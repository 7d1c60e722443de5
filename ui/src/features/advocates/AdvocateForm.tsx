import { NativeSelect, SimpleGrid, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { Advocate, AdvocateDraft, PersonId, Report, SupportStrength } from "../../bindings";
import { recordKeys, useCreateAdvocate, useUpdateAdvocate } from "../../api/record";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { STRENGTHS } from "../../lib/labels";

type Values = { personId: string; whatSeen: string; strength: string; supportingSince: string; lastChecked: string; notes: string };

function draftOf(v: Values): AdvocateDraft {
  return {
    personId: v.personId || null,
    whatSeen: v.whatSeen,
    strength: (v.strength || null) as SupportStrength | null,
    lastChecked: v.lastChecked,
    supportingSince: v.supportingSince,
    notes: v.notes,
  };
}

type Props = {
  report: Report;
  /** The advocate to edit; a new one when absent. */
  advocate?: Advocate;
  /** People who are already advocates (not offered again). */
  taken: PersonId[];
  onDone: () => void;
};

export function AdvocateForm({ report, advocate, taken, onDone }: Props) {
  const create = useCreateAdvocate(report.id);
  const update = useUpdateAdvocate(report.id);
  const client = useQueryClient();
  const initial: Values = advocate
    ? {
        personId: advocate.person.id,
        whatSeen: advocate.whatSeen,
        strength: advocate.strength,
        supportingSince: advocate.supportingSince ?? "",
        lastChecked: advocate.lastChecked ?? "",
        notes: advocate.notes,
      }
    : { personId: "", whatSeen: "", strength: "", supportingSince: "", lastChecked: "", notes: "" };
  const form = useRecordForm(initial, async (values) => {
    const draft = draftOf(values);
    const saved = advocate
      ? await update.mutateAsync({ id: advocate.id, expectedVersion: advocate.version, draft })
      : await create.mutateAsync(draft);
    notifications.show({
      message: advocate ? `Saved ${saved.person.name} as an advocate.` : `Added ${saved.person.name} as an advocate.`,
      color: "teal",
    });
    onDone();
  });
  const { text } = form;

  return (
    <RecordForm
      form={form}
      label={advocate ? `Edit advocate ${advocate.person.name}` : "New advocate"}
      submitLabel={advocate ? "Save changes" : "Add advocate"}
      onCancel={onDone}
      onReload={advocate ? () => void client.invalidateQueries({ queryKey: recordKeys.advocates(report.id) }) : undefined}
      autoFocus
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonPicker
          label="Advocate"
          description={`A leader who would speak for ${report.name}'s work`}
          required
          value={form.values.personId || null}
          onChange={(id) => form.set("personId", id ?? "")}
          exclude={[report.personId, ...taken.filter((id) => id !== advocate?.person.id)]}
          newRelationship="leadership"
          {...form.field("personId")}
        />
        <NativeSelect
          label="Strength of support"
          description="How hard they would push for it in calibration"
          withAsterisk
          data={[{ value: "", label: "Choose…" }, ...STRENGTHS]}
          {...text("strength")}
        />
      </SimpleGrid>
      <Textarea
        label="What they have seen"
        description="The work they saw first-hand, and how: a demo, a design review, an incident…"
        autosize
        minRows={2}
        {...text("whatSeen")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput
          label="Supporting since"
          description="Since when they have backed the work; empty if you don't know"
          {...text("supportingSince")}
        />
        <DateInput label="Last checked" description="When you last confirmed their support; empty if never" {...text("lastChecked")} />
      </SimpleGrid>
      <Textarea label="Notes" description="Private to you" autosize minRows={2} {...text("notes")} />
    </RecordForm>
  );
}
