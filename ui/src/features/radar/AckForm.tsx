// Acknowledge a signal (seen, handled) or snooze it until a date, always with a reason. The
// acknowledgement covers this exact cause: a new cause of the same kind fires again.
import { Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import type { AckAction, AckDraft, ReportId, Signal } from "../../bindings";
import { useAcknowledge } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";

type Props = { reportId: ReportId; signal: Signal; action: AckAction; onDone: () => void };

export function AckForm({ reportId, signal, action, onDone }: Props) {
  const acknowledge = useAcknowledge(reportId);
  const snooze = action === "snoozed";
  const form = useRecordForm({ reason: "", until: "" }, async (v) => {
    const draft: AckDraft = { rule: signal.rule, causeKey: signal.causeKey, action, reason: v.reason, until: snooze ? v.until : "" };
    await acknowledge.mutateAsync(draft);
    notifications.show({ message: snooze ? `Snoozed until ${v.until}: “${signal.message}”` : `Acknowledged “${signal.message}”`, color: "teal" });
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
