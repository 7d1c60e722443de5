// The manager's own call on a rule that has no machine check: met or unmet, with a note.
import { Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import type { CandidateId, ChecklistItem, ManualStatus } from "../../bindings";
import { useSetRuleCheck } from "../../api/radar";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";

type Props = { candidateId: CandidateId; item: ChecklistItem; status: ManualStatus; onDone: () => void };

export function ManualCheckForm({ candidateId, item, status, onDone }: Props) {
  const setCheck = useSetRuleCheck(candidateId);
  const form = useRecordForm({ note: item.status === "unknown" ? "" : item.detail }, async (v) => {
    await setCheck.mutateAsync({ ruleId: item.ruleId, status, note: v.note });
    notifications.show({ message: `Marked “${item.wording}” as ${status}.`, color: "teal" });
    onDone();
  });
  return (
    <RecordForm
      form={form}
      label={`Mark “${item.wording}” ${status}`}
      submitLabel={status === "met" ? "Mark met" : "Mark unmet"}
      submitColor={status === "met" ? "teal" : "red"}
      onCancel={onDone}
    >
      <Textarea
        label="Note"
        description={status === "met" ? "What shows it is met: you will want this in the room" : "What is missing, and what will be done"}
        autosize
        minRows={2}
        autoFocus
        {...form.text("note")}
      />
    </RecordForm>
  );
}
