// One mentorship: the mentee, their goals and the period, then what the mentee says, newest
// first, with a form to add feedback.
import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMessagePlus, IconPencil } from "@tabler/icons-react";
import { useState } from "react";

import type { FeedbackDraft, Mentorship, MentorshipDraft, Report } from "../../bindings";
import { useAddFeedback, useUpdateMentorship } from "../../api/record";
import { EmptyLine } from "../../components/Empty";
import { DeleteButton } from "../../components/DeleteButton";
import { todayIso } from "../../lib/dates";
import { useFocusTarget } from "../../lib/focus";
import { FeedbackEntry } from "./FeedbackEntry";
import { FeedbackForm } from "./FeedbackForm";
import { MentorshipForm } from "./MentorshipForm";
import { isUnaddressedNegative, newestFirst, periodText } from "./shared";
import { IconButton } from "../../components/IconButton";

export function newFeedback(): FeedbackDraft {
  return {
    receivedOn: todayIso(),
    source: "mentee",
    sentiment: null,
    words: "",
    quotable: false,
    addressedOn: "",
    addressedAction: "",
  };
}

export function MentorshipCard({ report, mentorship: m, readOnly }: { report: Report; mentorship: Mentorship; readOnly: boolean }) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(m.id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const update = useUpdateMentorship(report.id);
  const add = useAddFeedback(report.id);
  const name = m.mentee.name;
  const feedback = newestFirst(m.feedback);
  const open = feedback.filter(isUnaddressedNegative).length;
  const headingId = `mentorship-heading-${m.id}`;

  const saveMentorship = async (draft: MentorshipDraft) => {
    await update.mutateAsync({ id: m.id, expectedVersion: m.version, draft });
    notifications.show({ message: `Saved the mentorship of ${name}.`, color: "teal" });
    setEditing(false);
  };
  const addFeedback = async (draft: FeedbackDraft) => {
    await add.mutateAsync({ mentorshipId: m.id, draft });
    notifications.show({ message: `Added feedback from ${name}.`, color: "teal" });
    setAdding(false);
  };

  if (editing) {
    return (
      <MentorshipForm
        key={m.version}
        report={report}
        initial={{ menteeId: m.mentee.id, goals: m.goals, startedOn: m.startedOn, endedOn: m.endedOn ?? "" }}
        title={`Edit the mentorship of ${name}`}
        submitLabel="Save changes"
        onSubmit={saveMentorship}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <Card
      withBorder
      ref={ref}
      id={`record-${m.id}`}
      tabIndex={-1}
      component="article"
      aria-labelledby={headingId}
      data-testid={`mentorship-${m.id}`}
      data-focused={isTarget || undefined}
      style={isTarget ? { outline: "3px solid var(--mantine-color-teal-5)", outlineOffset: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={4} size="h4" id={headingId}>
                {name}
              </Title>
              {m.endedOn ? (
                <Badge color="gray" variant="light">
                  Ended
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  Current
                </Badge>
              )}
              {open > 0 && (
                <Badge color="red" variant="filled">
                  {open} negative not addressed
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[m.mentee.title, periodText(m)].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
          {!readOnly && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Edit the mentorship of ${name}`} onClick={() => setEditing(true)}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="mentorship" id={m.id} label={`the mentorship of ${name}`} />
            </Group>
          )}
        </Group>
        {m.goals ? (
          <Text size="sm" className="pre-wrap">
            <Text span fw={600}>
              Goals:{" "}
            </Text>
            {m.goals}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            No goals written down.
          </Text>
        )}

        <Group justify="space-between">
          <Title order={5} size="h6">
            What {name} says ({feedback.length})
          </Title>
          {!readOnly && !adding && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconMessagePlus size={14} aria-hidden />}
              aria-label={`Add feedback from ${name}`}
              onClick={() => setAdding(true)}
            >
              Add feedback
            </Button>
          )}
        </Group>
        {adding && (
          <FeedbackForm
            reportId={report.id}
            initial={newFeedback()}
            title={`Add feedback from ${name}`}
            submitLabel="Add feedback"
            onSubmit={addFeedback}
            onCancel={() => setAdding(false)}
          />
        )}
        {feedback.length === 0 && !adding ? (
          <EmptyLine>
            No feedback from {name} yet. Ask them, or their manager, how the mentoring is going, and
            add what they say: only their words show whether it helps.
          </EmptyLine>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label={`Feedback from ${name}, newest first`}>
            {feedback.map((f) => (
              <FeedbackEntry key={f.id} reportId={report.id} feedback={f} menteeName={name} readOnly={readOnly} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
