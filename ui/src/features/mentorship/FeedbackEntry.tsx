// One piece of a mentee's feedback: when, from whom, how it felt, their words, whether it may
// be quoted, and (for negative or mixed feedback) whether something was done about it.
import { Badge, Blockquote, Box, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCircleCheck, IconLock, IconPencil, IconQuote } from "@tabler/icons-react";
import { useState } from "react";

import type { Feedback, FeedbackDraft, ReportId } from "../../bindings";
import { useUpdateFeedback } from "../../api/record";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate } from "../../lib/dates";
import { useFocusTarget } from "../../lib/focus";
import { FEEDBACK_SOURCES, labelOf } from "../../lib/labels";
import { FromOneOnOne } from "../oneonones/FromOneOnOne";
import { FeedbackForm } from "./FeedbackForm";
import { MarkAddressedButton } from "./MarkAddressed";
import { SENTIMENT_COLORS, SentimentBadge, draftOf, needsAction } from "./shared";
import { IconButton } from "../../components/IconButton";

type Props = { reportId: ReportId; feedback: Feedback; menteeName: string; readOnly: boolean };

export function FeedbackEntry({ reportId, feedback: f, menteeName, readOnly }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLLIElement>(f.id);
  const [editing, setEditing] = useState(false);
  const update = useUpdateFeedback(reportId);
  const when = formatDate(f.receivedOn);
  const what = `feedback from ${menteeName}, ${when}`;

  const save = async (draft: FeedbackDraft) => {
    await update.mutateAsync({ id: f.id, expectedVersion: f.version, draft });
    notifications.show({ message: `Saved the ${what}.`, color: "teal" });
    setEditing(false);
  };

  return (
    <Box
      component="li"
      ref={ref}
      id={`record-${f.id}`}
      tabIndex={-1}
      data-testid={`feedback-${f.id}`}
      data-focused={isTarget || undefined}
      aria-label={`${labelOf(FEEDBACK_SOURCES, f.source)}, ${when}`}
      p="xs"
      style={{
        listStyle: "none",
        borderRadius: "var(--mantine-radius-md)",
        outline: isTarget ? "3px solid var(--mantine-color-teal-5)" : undefined,
        background: isTarget ? "var(--mantine-color-teal-light)" : undefined,
      }}
    >
      {editing ? (
        <FeedbackForm
          key={f.version}
          reportId={reportId}
          initial={draftOf(f)}
          title={`Edit the ${what}`}
          submitLabel="Save feedback"
          withAddressed
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="xs">
              <Text fw={600} size="sm">
                {when}
              </Text>
              <Text size="sm" c="dimmed">
                {labelOf(FEEDBACK_SOURCES, f.source)}
              </Text>
              <SentimentBadge sentiment={f.sentiment} />
              <Quotable quotable={f.quotable} />
            </Group>
            {!readOnly && (
              <Group gap={4} wrap="nowrap" className="no-print">
                <IconButton label={`Edit the ${what}`} onClick={() => setEditing(true)}>
                  <IconPencil size={18} />
                </IconButton>
                <DeleteButton kind="feedback" id={f.id} label={`the ${what}`} />
              </Group>
            )}
          </Group>
          <FromOneOnOne reportId={reportId} kind="feedback" id={f.id} />
          <Blockquote color={SENTIMENT_COLORS[f.sentiment]} p="sm" className="pre-wrap" data-testid="feedback-words">
            {f.words}
          </Blockquote>
          {needsAction(f) && <Addressed feedback={f} reportId={reportId} menteeName={menteeName} readOnly={readOnly} />}
        </Stack>
      )}
    </Box>
  );
}

function Quotable({ quotable }: { quotable: boolean }) {
  return quotable ? (
    <Badge variant="light" color="teal" leftSection={<IconQuote size={12} aria-hidden />} data-testid="quotable">
      May be quoted in calibration
    </Badge>
  ) : (
    <Badge variant="outline" color="gray" leftSection={<IconLock size={12} aria-hidden />} data-testid="quotable">
      Not for quoting
    </Badge>
  );
}

function Addressed({ feedback: f, reportId, menteeName, readOnly }: Omit<Props, "feedback"> & { feedback: Feedback }) {
  if (f.addressedOn) {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="addressed">
        <IconCircleCheck size={18} color="var(--mantine-color-green-text)" aria-hidden />
        <Text size="sm">
          <Text span fw={600}>
            Addressed on {formatDate(f.addressedOn)}:
          </Text>{" "}
          <span className="pre-wrap">{f.addressedAction}</span>
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="xs" data-testid="not-addressed">
      <Group gap={6} wrap="nowrap">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-text)" aria-hidden />
        <Text size="sm" fw={600} c="var(--mantine-color-red-text)">
          Not addressed yet
        </Text>
      </Group>
      {!readOnly && <MarkAddressedButton reportId={reportId} feedback={f} menteeName={menteeName} />}
    </Group>
  );
}
