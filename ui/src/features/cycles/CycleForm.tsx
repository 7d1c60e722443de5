// Add or edit a cycle: its name, dates and committee (with the day each late member joined).
// Used by the cycles list and the cycle's dashboard. Values stay in the form whatever the outcome.
import { Fieldset, SimpleGrid, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { Cycle, CycleDraft, PersonId } from "../../bindings";
import { radarKeys, useCreateCycle, useUpdateCycle } from "../../api/radar";
import { usePeople } from "../../api/record";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PeoplePicker } from "../../components/PersonPicker";
import { formatDate } from "../../lib/dates";

type Values = {
  name: string;
  opensOn: string;
  packetDue: string;
  calibrationDate: string;
  committeeIds: PersonId[];
  /** When each member joined, as typed; empty: a member since the cycle opened. */
  joinedOn: Record<PersonId, string>;
};

function valuesOf(c?: Cycle): Values {
  return c
    ? {
        name: c.name,
        opensOn: c.opensOn,
        packetDue: c.packetDue,
        calibrationDate: c.calibrationDate,
        committeeIds: c.committee.map((m) => m.person.id),
        joinedOn: Object.fromEntries(c.committee.map((m) => [m.person.id, m.joinedOn ?? ""])),
      }
    : { name: "", opensOn: "", packetDue: "", calibrationDate: "", committeeIds: [], joinedOn: {} };
}

/** Every member gets a join date, in committee order (empty for members since the opening): the core's `joined.{i}` is member i. */
function draftOf(v: Values): CycleDraft {
  const { joinedOn, ...rest } = v;
  return {
    ...rest,
    committeeIds: [...v.committeeIds],
    joined: v.committeeIds.map((personId) => ({ personId, joinedOn: joinedOn[personId] ?? "" })),
  };
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
        onChange={(ids) => {
          form.set("committeeIds", ids);
          // Join dates follow their members: the core's joined.{i} errors no longer match.
          form.setErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith("joined"))));
        }}
        {...form.field("committeeIds")}
      />
      <JoinDates form={form} />
    </RecordForm>
  );
}

type Form = ReturnType<typeof useRecordForm<Values>>;

/** One optional "joined on" date per committee member, for those who joined after the cycle opened. */
function JoinDates({ form }: { form: Form }) {
  const people = usePeople();
  const { values, errors } = form;
  if (values.committeeIds.length === 0) return null;
  const name = (id: PersonId) => people.data?.find((p) => p.id === id)?.name ?? "This member";
  const opened = /^\d{4}-\d{2}-\d{2}$/.test(values.opensOn) ? ` (${formatDate(values.opensOn)})` : "";
  return (
    <Fieldset legend="When each member joined the committee" variant="filled" data-testid="committee-joined">
      <Text size="sm" c="dimmed" mb="xs">
        Leave a date empty for members since the cycle opened{opened}. The radar counts a late member among the
        people who decide only from the day they joined.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {values.committeeIds.map((id, i) => {
          const field = `joined.${i}.joinedOn`;
          return (
            <DateInput
              key={id}
              label={`${name(id)} joined on`}
              value={values.joinedOn[id] ?? ""}
              onChange={(e) => {
                const typed = e.currentTarget.value;
                form.set("joinedOn", { ...values.joinedOn, [id]: typed });
                form.setErrors(({ [field]: _gone, ...rest }) => rest);
              }}
              error={errors[field]}
              errorProps={{ "data-testid": `error-${field}` }}
              data-testid={`field-${field}`}
            />
          );
        })}
      </SimpleGrid>
    </Fieldset>
  );
}
