// Overview: negative mentee feedback nobody has acted on yet. It stays here until it is marked
// addressed, because found early it can still be acted on before calibration.
import { Anchor, Blockquote, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { Link } from "wouter";

import type { Feedback, Mentorship, Report } from "../../bindings";
import { useMentorships } from "../../api/record";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { FEEDBACK_SOURCES, labelOf } from "../../lib/labels";
import { MarkAddressedButton } from "./MarkAddressed";
import { isUnaddressedNegative } from "./shared";

type Item = { mentorship: Mentorship; feedback: Feedback };

/** Unaddressed negative feedback across the report's mentorships, oldest first (waiting longest). */
function unaddressed(mentorships: Mentorship[]): Item[] {
  return mentorships
    .flatMap((m) => m.feedback.filter(isUnaddressedNegative).map((f) => ({ mentorship: m, feedback: f })))
    .sort((a, b) => a.feedback.receivedOn.localeCompare(b.feedback.receivedOn));
}

export function NegativeFeedbackCard({ report }: { report: Report }) {
  const mentorships = useMentorships(report.id);
  if (mentorships.isError) return <ErrorNotice error={mentorships.error} />;
  if (!mentorships.data || mentorships.data.length === 0) return null;
  const items = unaddressed(mentorships.data);
  const readOnly = report.archivedAt !== null;

  if (items.length === 0) {
    return (
      <Group gap={6} data-testid="negative-feedback-none">
        <IconCircleCheck size={16} color="var(--mantine-color-green-text)" aria-hidden />
        <Text size="sm" c="dimmed">
          No unaddressed negative mentee feedback
        </Text>
      </Group>
    );
  }

  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="negative-feedback-title"
      data-testid="negative-feedback-card"
      style={{ borderColor: "var(--mantine-color-red-6)", borderWidth: 2, borderLeftWidth: 6 }}
      bg="var(--mantine-color-red-light)"
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconAlertTriangle size={22} color="var(--mantine-color-red-text)" aria-hidden />
          <Title order={3} size="h4" id="negative-feedback-title">
            Needs attention: negative mentee feedback not addressed ({items.length})
          </Title>
        </Group>
        <Text size="sm">
          A mentee said this and nothing is recorded as done about it yet. Negative feedback found
          early can still be acted on; left alone it becomes a surprise at calibration.
        </Text>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map(({ mentorship: m, feedback: f }) => (
            <Card component="li" key={f.id} withBorder padding="sm" data-testid={`negative-${f.id}`}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm">
                    <Text span fw={700}>
                      {m.mentee.name}
                    </Text>{" "}
                    · {formatDate(f.receivedOn)} · {labelOf(FEEDBACK_SOURCES, f.source)}
                  </Text>
                  <Anchor
                    component={Link}
                    href={`/reports/${report.id}/mentorship`}
                    onClick={() => focusRecord(f.id)}
                    size="sm"
                    className="no-print"
                    aria-label={`Open the feedback from ${m.mentee.name}, ${formatDate(f.receivedOn)}, in Mentorship`}
                  >
                    Open in Mentorship
                  </Anchor>
                </Group>
                <Blockquote color="red" p="sm" className="pre-wrap">
                  {f.words}
                </Blockquote>
                {!readOnly && (
                  <Group className="no-print">
                    <MarkAddressedButton reportId={report.id} feedback={f} menteeName={m.mentee.name} />
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
