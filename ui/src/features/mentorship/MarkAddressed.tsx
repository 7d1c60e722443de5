// "Mark addressed": what was done about negative or mixed feedback, and when. Saves the whole
// feedback entry unchanged apart from those two fields.
import { Blockquote, Button, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";

import type { Feedback, ReportId } from "../../bindings";
import { useUpdateFeedback } from "../../api/record";
import { formatDate, todayIso } from "../../lib/labels";
import { FormFailure, FormFooter, useDraftForm } from "./form";
import { DateInput } from "./MentorshipForm";
import { ConflictReload, SENTIMENT_COLORS, draftOf } from "./shared";

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
  const form = useDraftForm(
    { addressedAction: "", addressedOn: todayIso() },
    async (values) => {
      await update.mutateAsync({
        id: feedback.id,
        expectedVersion: feedback.version,
        draft: { ...draftOf(feedback), ...values },
      });
      notifications.show({ message: `Marked the ${what} as addressed.`, color: "teal" });
      onClose();
    },
    onClose,
  );
  const { values, set, field } = form;
  return (
    <Modal opened onClose={form.cancel} title="Mark feedback addressed" size="lg">
      <form {...form.formProps} aria-label="Mark feedback addressed">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The {what}:
          </Text>
          <Blockquote color={SENTIMENT_COLORS[feedback.sentiment]} p="sm" className="pre-wrap">
            {feedback.words}
          </Blockquote>
          <FormFailure form={form} actions={<ConflictReload error={form.failure} reportId={reportId} />} />
          <Textarea
            label="What was done"
            description="The conversation you had, what changed in the mentoring…"
            withAsterisk
            autosize
            minRows={2}
            maxRows={8}
            data-autofocus
            {...field("addressedAction")}
            value={values.addressedAction}
            onChange={(e) => set("addressedAction", e.currentTarget.value)}
          />
          <DateInput label="Addressed on" required {...field("addressedOn")} value={values.addressedOn} onChange={(v) => set("addressedOn", v)} />
          <FormFooter form={form} submitLabel="Mark addressed" submitTestId="save-addressed" />
        </Stack>
      </form>
    </Modal>
  );
}
