// "Mark addressed": what was done about negative or mixed feedback, and when. Saves the whole
// feedback entry unchanged apart from those two fields.
import { Blockquote, Button, Modal, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";

import type { Feedback, ReportId } from "../../bindings";
import { useUpdateFeedback } from "../../api/record";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { formatDate, todayIso } from "../../lib/dates";
import { SENTIMENT_COLORS, draftOf, useReloadMentorships } from "./shared";

type Props = { reportId: ReportId; feedback: Feedback; menteeName: string };

export function MarkAddressedButton({ reportId, feedback, menteeName }: Props) {
  const [open, setOpen] = useState(false);
  const what = `feedback from ${menteeName}, ${formatDate(feedback.receivedOn)}`;
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        color="teal"
        leftSection={<IconCheck size={14} aria-hidden />}
        aria-label={`Mark addressed: ${what}`}
        data-testid={`mark-addressed-${feedback.id}`}
        onClick={() => setOpen(true)}
      >
        Mark addressed
      </Button>
      {open && (
        <MarkAddressedDialog
          key={feedback.version}
          reportId={reportId}
          feedback={feedback}
          what={what}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function MarkAddressedDialog({ reportId, feedback, what, onClose }: Omit<Props, "menteeName"> & { what: string; onClose: () => void }) {
  const update = useUpdateFeedback(reportId);
  const reload = useReloadMentorships(reportId);
  const form = useRecordForm({ addressedAction: "", addressedOn: todayIso() }, async (values) => {
    await update.mutateAsync({
      id: feedback.id,
      expectedVersion: feedback.version,
      draft: { ...draftOf(feedback), ...values },
    });
    notifications.show({ message: `Marked the ${what} as addressed.`, color: "teal" });
    onClose();
  });
  return (
    // Closing the dialog (Escape, ×) is a Cancel: typed values are not lost without asking.
    <Modal opened onClose={() => form.cancel(onClose)} title="Mark feedback addressed" size="lg">
      <RecordForm
        form={form}
        label="Mark feedback addressed"
        submitLabel="Mark addressed"
        submitTestId="save-addressed"
        onCancel={onClose}
        onReload={reload}
        header={
          <>
            <Text size="sm" c="dimmed">
              The {what}:
            </Text>
            <Blockquote color={SENTIMENT_COLORS[feedback.sentiment]} p="sm" className="pre-wrap">
              {feedback.words}
            </Blockquote>
          </>
        }
      >
        <Textarea
          label="What was done"
          description="The conversation you had, what changed in the mentoring…"
          withAsterisk
          autosize
          minRows={2}
          maxRows={8}
          data-autofocus
          {...form.text("addressedAction")}
        />
        <DateInput label="Addressed on" withAsterisk {...form.text("addressedOn")} />
      </RecordForm>
    </Modal>
  );
}
