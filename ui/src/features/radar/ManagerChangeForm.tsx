// Add or edit a manager change: when, who manages the report from then on (you, or someone
// else), until when if their tenure has ended, and a note.
import { Checkbox, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { ManagerChange, Report } from "../../bindings";
import { radarKeys, useAddManagerChange, useUpdateManagerChange } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { formatDate, todayIso } from "../../lib/dates";

type Props = { report: Report; change?: ManagerChange; onDone: (savedId?: string) => void };

export function ManagerChangeForm({ report, change, onDone }: Props) {
  const add = useAddManagerChange(report.id);
  const update = useUpdateManagerChange();
  const client = useQueryClient();
  const initial = change
    ? { changedOn: change.changedOn, manager: change.manager, note: change.note, endedOn: change.endedOn ?? "", isMe: change.isMe }
    : { changedOn: todayIso(), manager: "", note: "", endedOn: "", isMe: false };
  const form = useRecordForm(initial, async (draft) => {
    const saved = change
      ? await update.mutateAsync({ id: change.id, expectedVersion: change.version, draft })
      : await add.mutateAsync(draft);
    notifications.show({
      message: change
        ? `Saved the manager change to ${saved.manager}.`
        : `Recorded ${saved.isMe ? "you" : saved.manager} as ${report.name}'s manager from ${formatDate(saved.changedOn)}.`,
      color: "teal",
    });
    onDone(saved.id);
  });
  return (
    <RecordForm
      form={form}
      label={change ? `Edit the manager change to ${change.manager}` : "New manager change"}
      submitLabel={change ? "Save changes" : "Add manager change"}
      onCancel={() => onDone()}
      onReload={change ? () => void client.invalidateQueries({ queryKey: radarKeys.managers(report.id) }) : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="New manager" description="Who manages them from that day" withAsterisk autoFocus {...form.text("manager")} />
        <DateInput label="Changed on" description="The first day with the new manager" withAsterisk {...form.text("changedOn")} />
        <Checkbox
          label="This manager is me"
          description="Your own tenure: what happened before it, you did not see first-hand"
          mt={{ sm: "lg" }}
          {...form.checkbox("isMe")}
        />
        <DateInput
          label="Tenure ended on"
          description="Leave empty while they still manage them (or until the next change)"
          {...form.text("endedOn")}
        />
      </SimpleGrid>
      <Textarea
        label="Note"
        description="Why it changed, and what was handed over"
        autosize
        minRows={2}
        {...form.text("note")}
      />
    </RecordForm>
  );
}
