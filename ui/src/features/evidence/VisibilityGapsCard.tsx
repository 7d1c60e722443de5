// On the overview: valuable work the people who decide have not seen (the skip-level now,
// the committee once the report is a candidate in a cycle).
import { Anchor, Badge, Card, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import { useId } from "react";
import { Link } from "wouter";

import type { PersonRef, Report, UnseenEvidence } from "../../bindings";
import { useVisibilityGaps } from "../../api/record";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { EVIDENCE_KINDS, EVIDENCE_ROLES, labelOf } from "../../lib/labels";
import { FlagshipBadge, useFlagshipId } from "./Flagship";

export function VisibilityGapsCard({ report }: { report: Report }) {
  const gaps = useVisibilityGaps(report.id);
  const titleId = useId();
  return (
    <Card withBorder data-testid="visibility-gaps" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb="xs">
        Who has seen the work
      </Title>
      {gaps.isError ? (
        <ErrorNotice error={gaps.error} />
      ) : !gaps.data ? (
        <Loader size="sm" aria-label="Loading visibility gaps" />
      ) : gaps.data.evidenceCount === 0 ? (
        <EmptyLine>
          No evidence recorded yet, so there is nothing to check against the people who decide.{" "}
          <Anchor component={Link} href={`/reports/${report.id}/evidence`}>
            Add {report.name}'s first evidence item
          </Anchor>
          .
        </EmptyLine>
      ) : (
        <Stack gap="md">
          <SkipLevel report={report} skipLevels={gaps.data.skipLevels} unseen={gaps.data.unseenBySkipLevel} total={gaps.data.evidenceCount} />
          <Committee report={report} committee={gaps.data.committee} unseen={gaps.data.unseenByCommittee} total={gaps.data.evidenceCount} />
        </Stack>
      )}
    </Card>
  );
}

const names = (people: PersonRef[]) => people.map((p) => p.name).join(", ");

/** "2 of 5 evidence items have", "1 of 5 evidence items has". */
const countOf = (n: number, total: number) => `${n} of ${total} evidence ${total === 1 ? "item" : "items"} ${n === 1 ? "has" : "have"}`;

type Audience = { report: Report; unseen: UnseenEvidence[]; total: number };

function SkipLevel({ report, skipLevels, unseen, total }: Audience & { skipLevels: PersonRef[] }) {
  if (skipLevels.length === 0) {
    return (
      <Text size="sm" data-testid="no-skip-level">
        No skip-level is recorded, so nobody can tell which work your manager has not seen.{" "}
        <Anchor component={Link} href="/people">
          Record your manager as Skip-level in People
        </Anchor>
        .
      </Text>
    );
  }
  const who = skipLevels.length === 1 ? "the skip-level" : "any skip-level";
  return (
    <Stack gap="xs">
      <Text size="sm" fw={unseen.length > 0 ? 600 : undefined} data-testid="skip-level-gaps">
        {unseen.length === 0
          ? `All ${total} evidence ${total === 1 ? "item has" : "items have"} been seen by ${who} (${names(skipLevels)}).`
          : `${countOf(unseen.length, total)} not been seen by ${who} (${names(skipLevels)}).`}
      </Text>
      <UnseenList report={report} items={unseen} audience="skip-level" />
    </Stack>
  );
}

function Committee({ report, committee, unseen, total }: Audience & { committee: PersonRef[] | null }) {
  if (committee === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="committee-gaps">
        Committee gaps appear once {report.name} is a candidate in a cycle.
      </Text>
    );
  }
  if (committee.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="committee-gaps">
        No calibration committee is recorded for {report.name}'s next cycle yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={unseen.length > 0 ? 600 : undefined} data-testid="committee-gaps">
        {unseen.length === 0
          ? `The calibration committee (${names(committee)}) has seen every evidence item.`
          : `${countOf(unseen.length, total)} not been seen by anyone on the calibration committee (${names(committee)}).`}
      </Text>
      <UnseenList report={report} items={unseen} audience="committee" />
    </Stack>
  );
}

/** Led or co-led with a stated impact: the work a gap hurts most. */
const weighty = (e: UnseenEvidence) => (e.role === "led" || e.role === "co_led") && e.hasImpact;

function UnseenList({ report, items, audience }: { report: Report; items: UnseenEvidence[]; audience: string }) {
  const flagship = useFlagshipId(report.id);
  if (items.length === 0) return null;
  const sorted = [...items].sort((a, b) => Number(weighty(b)) - Number(weighty(a)));
  return (
    <List spacing={4} listStyleType="none" aria-label={`Evidence not seen by the ${audience}`}>
      {sorted.map((e) => (
        <List.Item key={e.id} data-testid="unseen-item" data-weighty={weighty(e) || undefined}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <IconEyeOff size={14} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" component="div">
              <Anchor
                component={Link}
                href={`/reports/${report.id}/evidence`}
                onClick={() => focusRecord(e.id)}
                fw={weighty(e) ? 700 : 500}
              >
                {e.title}
              </Anchor>
              <Text span c="dimmed" size="sm">
                {" · "}
                {labelOf(EVIDENCE_KINDS, e.kind)} · {labelOf(EVIDENCE_ROLES, e.role)} · {formatDate(e.startedOn)}
              </Text>
              {e.id === flagship && <FlagshipBadge ml={6} size="sm" />}
              {weighty(e) ? (
                // Strong work worth showing: a chance, never a warning colour.
                <Badge ml={6} size="sm" color="teal" variant="light" data-testid="show-it">
                  {labelOf(EVIDENCE_ROLES, e.role)} + quantified: show it
                </Badge>
              ) : (
                !e.hasImpact && (
                  <Badge ml={6} size="sm" color="gray" variant="outline">
                    impact not quantified
                  </Badge>
                )
              )}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
