// Add or edit a cycle: its name, dates and committee. Used by the cycles list and the
// cycle's dashboard. Values stay in the form whatever the outcome.
import { SimpleGrid, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { Cycle, CycleDraft, PersonId } from "../../bindings";
import { radarKeys, useCreateCycle, useUpdateCycle } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PeoplePicker } from "../../components/PersonPicker";

type Values = { name: string; opensOn: string; packetDue: string; calibrationDate: string; committeeIds: PersonId[] };

function valuesOf(c?: Cycle): Values {
  return c
    ? {
        name: c.name,
        opensOn: c.opensOn,
        packetDue: c.packetDue,
        calibrationDate: c.calibrationDate,
        committeeIds: c.committee.map((p) => p.id),
      }
    : { name: "", opensOn: "", packetDue: "", calibrationDate: "", committeeIds: [] };
}

function draftOf(v: Values): CycleDraft {
  return { ...v, committeeIds: [...v.committeeIds] };
}

type Props = {
  /** The cycle to edit; a new one when absent. */
  cycle?: Cycle;
  /** Called after a save with the saved cycle, or on Cancel with nothing. */
  onDone: (saved?: Cycle) => void;
};

export function CycleForm({ cycle, onDone }: Props) {
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const client = useQueryClient();
  const form = useRecordForm(valuesOf(cycle), async (values) => {
    const draft = draftOf(values);
    const saved = cycle
      ? await update.mutateAsync({ id: cycle.id, expectedVersion: cycle.version, draft })
      : await create.mutateAsync(draft);
    notifications.show({ message: cycle ? `Saved the cycle “${saved.name}”.` : `Added the cycle “${saved.name}”.`, color: "teal" });
    onDone(saved);
  });
  const { text } = form;
  return (
    <RecordForm
      form={form}
      label={cycle ? `Edit cycle ${cycle.name}` : "New cycle"}
      submitLabel={cycle ? "Save changes" : "Add cycle"}
      onCancel={() => onDone()}
      onReload={cycle ? () => void client.invalidateQueries({ queryKey: radarKeys.cycles }) : undefined}
    >
      <TextInput label="Name" description="As the company calls it: “H1 2027 promotions”" withAsterisk autoFocus {...text("name")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput label="Opens on" description="When the period the committee judges began" withAsterisk {...text("opensOn")} />
        <DateInput label="Packet due" description="When the written packet must be in" withAsterisk {...text("packetDue")} />
        <DateInput label="Calibration date" description="The committee's meeting" withAsterisk {...text("calibrationDate")} />
      </SimpleGrid>
      <PeoplePicker
        label="Committee"
        description="Who will decide: the radar checks whether they have seen the work"
        newRelationship="leadership"
        value={form.values.committeeIds}
        onChange={(ids) => form.set("committeeIds", ids)}
        {...form.field("committeeIds")}
      />
    </RecordForm>
  );
}
