// Acknowledge a signal (seen, handled) or snooze it until a date, always with a reason. The
// acknowledgement covers this exact cause: a new cause of the same kind fires again.
import { Button, Group, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import type { AckAction, AckDraft, ReportId, Signal } from "../../bindings";
import { useAcknowledge, useUndoAck } from "../../api/radar";
import { toUiError } from "../../api/ipc";
import { formatDate } from "../../lib/dates";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";

type Props = { reportId: ReportId; signal: Signal; action: AckAction; onDone: () => void };

export function AckForm({ reportId, signal, action, onDone }: Props) {
  const acknowledge = useAcknowledge(reportId);
  const undoAck = useUndoAck(reportId);
  const snooze = action === "snoozed";
  const form = useRecordForm({ reason: "", until: "" }, async (v) => {
    const draft: AckDraft = { rule: signal.rule, causeKey: signal.causeKey, action, reason: v.reason, until: snooze ? v.until : "" };
    const saved = await acknowledge.mutateAsync(draft);
    const noticeId = `ack-${saved.id}`;
    const undo = async () => {
      notifications.hide(noticeId);
      try {
        await undoAck.mutateAsync(saved.id);
        notifications.show({ message: `Undone: “${signal.message}” is open again.`, color: "teal" });
      } catch (e) {
        notifications.show({ title: "Could not undo", message: toUiError(e).message, color: "red" });
      }
    };
    notifications.show({
      id: noticeId,
      autoClose: 10_000,
      color: "teal",
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            {snooze ? `Snoozed until ${formatDate(v.until)}: “${signal.message}”` : `Acknowledged “${signal.message}”`}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => void undo()} data-testid="undo-ack">
            Undo
          </Button>
        </Group>
      ),
    });
    onDone();
  });
  return (
    <RecordForm
      form={form}
      label={snooze ? "Snooze the signal" : "Acknowledge the signal"}
      submitLabel={snooze ? "Snooze" : "Acknowledge"}
      onCancel={onDone}
      gap="xs"
    >
      <Textarea
        label="Reason"
        description={snooze ? "Why it can wait" : "What was done about it, or why it is not a risk"}
        withAsterisk
        autosize
        minRows={2}
        autoFocus
        {...form.text("reason")}
      />
      {snooze && (
        <DateInput
          label="Snooze until"
          description="The signal comes back after this date"
          withAsterisk
          w={{ base: "100%", sm: 240 }}
          {...form.text("until")}
        />
      )}
    </RecordForm>
  );
}
