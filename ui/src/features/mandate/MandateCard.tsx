// The current mandate at a glance: what, why it matters, room and attention, sponsor, dates.
import { Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

import type { Assessment, Mandate } from "../../bindings";
import { daysBetween, formatDate, todayIso } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { ASSESSMENTS, labelOf } from "../../lib/labels";
import { ReviewList } from "./ReviewList";

const ASSESSMENT_COLORS: Record<Assessment, string> = { yes: "teal", partly: "yellow", no: "red", unknown: "gray" };

export function AssessmentBadge({ value }: { value: Assessment }) {
  return (
    <Badge color={ASSESSMENT_COLORS[value]} variant="light">
      {labelOf(ASSESSMENTS, value)}
    </Badge>
  );
}

/** "review overdue" once the date has passed, "review due soon" within 30 days. */
export function reviewFlag(reviewBy: string | null, today: string = todayIso()): "overdue" | "soon" | null {
  if (!reviewBy) return null;
  const days = daysBetween(today, reviewBy);
  if (days === null) return null;
  if (days < 0) return "overdue";
  return days <= 30 ? "soon" : null;
}

export function MandateCard({ mandate: m, actions }: { mandate: Mandate; actions?: ReactNode }) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(m.id);
  const flag = reviewFlag(m.reviewBy);
  return (
    <Card withBorder ref={ref} id={`record-${m.id}`} tabIndex={-1} data-testid="mandate-card" style={targetStyle(isTarget)}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="lg" fw={600} className="pre-wrap" data-testid="mandate-statement">
            {m.statement}
          </Text>
          {actions}
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Serves:
          </Text>
          {m.priority ? (
            <Text size="sm" data-testid="mandate-priority">
              {m.priority}
            </Text>
          ) : (
            <Badge color="orange" variant="light" data-testid="no-priority">
              tied to no company priority
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label="Room" hint="Nobody else is doing it">
            <AssessmentBadge value={m.room} />
          </Fact>
          <Fact label="Attention" hint="Leadership agrees it matters now">
            <AssessmentBadge value={m.attention} />
          </Fact>
          <Fact label="Sponsor">
            {m.sponsor ? (
              <Text size="sm">
                {m.sponsor.name}
                {m.sponsor.title && <Text span c="dimmed" inherit>{` — ${m.sponsor.title}`}</Text>}
              </Text>
            ) : (
              <Text size="sm" c="dimmed" fs="italic">
                No sponsor named
              </Text>
            )}
          </Fact>
          <Fact label="Set on">
            <Text size="sm">{formatDate(m.setOn)}</Text>
          </Fact>
          <Fact label="Review by">
            {m.reviewBy ? (
              <Group gap="xs">
                <Text size="sm">{formatDate(m.reviewBy)}</Text>
                {flag === "overdue" && (
                  <Badge color="red" data-testid="review-flag">
                    review overdue
                  </Badge>
                )}
                {flag === "soon" && (
                  <Badge color="yellow" data-testid="review-flag">
                    review due soon
                  </Badge>
                )}
              </Group>
            ) : (
              <Text size="sm" c="dimmed" fs="italic">
                No review date
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        <Fact label="Reviews">
          <ReviewList reviews={m.reviews} empty="Not reviewed yet: “Review…” records whether it still holds, and when to look again." />
        </Fact>
      </Stack>
    </Card>
  );
}

function Fact({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
        {hint && (
          <Text span inherit tt="none" fw={400}>
            {` · ${hint}`}
          </Text>
        )}
      </Text>
      {children}
    </div>
  );
}
