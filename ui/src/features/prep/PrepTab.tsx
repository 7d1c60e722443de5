// The 1:1 prep: one screen to read in two minutes before a 1:1. What changed since the last
// one, the agenda it carries, open action items, where the mandate stands, and questions worth
// asking. Prints on its own (black on white, without the app around it).
import { Anchor, Badge, Box, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClipboardList,
  IconHistory,
  IconListCheck,
  IconMessageQuestion,
  IconPrinter,
  IconTarget,
} from "@tabler/icons-react";
import { useId, type ReactNode } from "react";
import { Link } from "wouter";

import type { ActionItem, MandateCheck, Prep, Report } from "../../bindings";
import { usePrep } from "../../api/oneOnOnes";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Markdown } from "../../components/Markdown";
import { formatDate } from "../../lib/dates";
import { AgendaAdder } from "../oneonones/Adders";
import { dayDate, isOverdue, relativeDay } from "../oneonones/dates";
import { CarriedBadge, DueText, OwnerBadge, SharedBadge } from "../oneonones/shared";
import { ChangesList, changeCount } from "./ChangesSection";

export function PrepTab({ report }: { report: Report }) {
  const prep = usePrep(report.id);
  if (prep.isError) return <ErrorNotice error={prep.error} />;
  if (!prep.data) return <Loader aria-label="Loading the 1:1 prep" />;
  return <PrepSheet report={report} prep={prep.data} />;
}

function PrepSheet({ report, prep }: { report: Report; prep: Prep }) {
  const readOnly = report.archivedAt !== null;
  const next = prep.nextOneOnOne;
  const changes = changeCount(prep.changes);
  return (
    <Stack gap="md" className="prep-sheet" data-testid="prep">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text className="print-only" fw={700} size="xl">
            {report.name} · {report.currentLevel.name}
            {report.targetLevel.id !== report.currentLevel.id && ` → ${report.targetLevel.name}`}
          </Text>
          <Group gap={8} align="baseline" data-testid="prep-header">
            <Title order={3} size="h3">
              1:1 prep
            </Title>
            <Text c="dimmed">
              {" "}
              · next 1:1 {next ? `${dayDate(next)} (${relativeDay(next, prep.asOf)})` : "none planned"} · since{" "}
              {prep.lastOneOnOne ? dayDate(prep.lastOneOnOne) : "the last 4 weeks (no 1:1 recorded yet)"}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap" className="no-print">
          <Button component={Link} href={`/reports/${report.id}/one-on-ones`} variant="default" size="sm">
            Open the 1:1s
          </Button>
          <Button size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>

      <Section title="Since the last 1:1" icon={<IconHistory size={18} />} count={changes} testId="prep-changes">
        {changes === 0 ? (
          <EmptyLine testId="nothing-new">
            Nothing new since {formatDate(prep.since)}: no evidence, feedback, mandate change or signal.
          </EmptyLine>
        ) : (
          <ChangesList changes={prep.changes} />
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Section title="Agenda" icon={<IconClipboardList size={18} />} count={prep.agenda.length} testId="prep-agenda">
          {prep.agenda.length === 0 ? (
            <EmptyLine>Nothing carried over. Add what you want to raise{readOnly ? "" : " below"}.</EmptyLine>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} aria-label="Agenda">
              {prep.agenda.map(({ item, carried }) => (
                <Text key={item.id} component="li" size="sm" lh={1.7} style={{ listStyle: "none" }} data-testid={`prep-agenda-${item.id}`}>
                  <Markdown inline>{item.text}</Markdown> <CarriedBadge carried={carried} /> <SharedBadge shared={item.shared} />
                </Text>
              ))}
            </Stack>
          )}
          {!readOnly && (
            <Box className="no-print" mt="xs">
              <AgendaAdder report={report} />
            </Box>
          )}
        </Section>

        <Section title="Open action items" icon={<IconListCheck size={18} />} count={prep.actions.length} testId="prep-actions">
          {prep.actions.length === 0 ? (
            <EmptyLine>No open action items. Agree them in the 1:1 and note them on the 1:1s tab.</EmptyLine>
          ) : (
            <Stack component="ul" gap={8} p={0} m={0} aria-label="Open action items, overdue first">
              {overdueFirst(prep.actions, prep.asOf).map((a) => (
                <Stack
                  key={a.id}
                  component="li"
                  gap={2}
                  style={{ listStyle: "none" }}
                  data-testid={`prep-action-${a.id}`}
                  data-overdue={isOverdue(a.dueOn, prep.asOf) || undefined}
                >
                  <Text size="sm" component="div">
                    <Markdown inline>{a.text}</Markdown>
                  </Text>
                  <Group gap="xs">
                    <OwnerBadge owner={a.owner} />
                    <DueText action={a} today={prep.asOf} />
                  </Group>
                </Stack>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>

      <Section title="Mandate" icon={<IconTarget size={18} />} testId="prep-mandate">
        <MandateLine check={prep.mandate} reportId={report.id} />
      </Section>

      <Section
        title="Questions to ask"
        icon={<IconMessageQuestion size={18} />}
        testId="prep-questions"
        action={
          <Anchor component={Link} href="/questions" size="sm" className="no-print">
            Edit the question bank
          </Anchor>
        }
      >
        {prep.questions.length === 0 ? (
          <EmptyLine>No questions to suggest: the question bank has none that fit. Add some to the bank.</EmptyLine>
        ) : (
          <List type="ordered" spacing={8} size="sm" aria-label="Questions to ask">
            {prep.questions.map((q) => (
              <List.Item key={q.questionId} data-testid="prep-question">
                <Text size="sm" fw={500}>
                  {q.text}
                </Text>
                <Text size="xs" c="dimmed" data-testid="because">
                  {q.because}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

/** Overdue first (oldest due date first), then the rest in the core's order (by due date). */
function overdueFirst(actions: ActionItem[], today: string): ActionItem[] {
  const overdue = actions.filter((a) => isOverdue(a.dueOn, today)).sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  return [...overdue, ...actions.filter((a) => !isOverdue(a.dueOn, today))];
}

const MANDATE_COLORS = { red: "var(--mantine-color-red-6)", orange: "var(--mantine-color-orange-6)", yellow: "var(--mantine-color-yellow-6)", teal: "var(--mantine-color-teal-6)" };

function MandateLine({ check, reportId }: { check: MandateCheck; reportId: string }) {
  const m = check.mandate;
  const review = m?.reviewBy ? formatDate(m.reviewBy) : null;
  const { color, headline, alert } = (() => {
    switch (check.state) {
      case "missing":
        return { color: "red" as const, headline: "No active mandate: agree one", alert: true };
      case "review_overdue":
        return { color: "red" as const, headline: `Mandate review overdue: it was due ${review ?? "earlier"}`, alert: true };
      case "review_due":
        return { color: "orange" as const, headline: `Mandate review due ${review ?? "soon"}`, alert: true };
      case "no_review_date":
        return { color: "yellow" as const, headline: "No review date set: agree when to look at it again", alert: false };
      case "on_track":
        return { color: "teal" as const, headline: `Review by ${review ?? "—"}`, alert: false };
    }
  })();
  return (
    <Box pl="sm" className="mandate-line" style={{ borderLeft: `4px solid ${MANDATE_COLORS[color]}` }} data-testid="mandate-line" data-state={check.state}>
      {m && (
        <Text size="sm" fw={600} mb={4}>
          {m.statement}
        </Text>
      )}
      <Group gap={6} wrap="nowrap">
        {alert ? (
          <IconAlertTriangle size={16} color={`var(--mantine-color-${color}-text)`} aria-hidden />
        ) : (
          <IconCircleCheck size={16} color={`var(--mantine-color-${color === "teal" ? "teal" : "yellow"}-text)`} aria-hidden />
        )}
        <Text size="sm" fw={alert ? 700 : 400} c={alert ? `var(--mantine-color-${color}-text)` : "dimmed"} data-testid="mandate-state">
          {headline}
        </Text>
      </Group>
      {m?.priority && (
        <Text size="xs" c="dimmed" mt={2}>
          Serves: {m.priority}
          {m.sponsor && ` · sponsored by ${m.sponsor.name}`}
        </Text>
      )}
      {check.state === "missing" && (
        <Anchor component={Link} href={`/reports/${reportId}/overview`} size="xs" className="no-print">
          Set the mandate on the overview
        </Anchor>
      )}
    </Box>
  );
}

function Section(props: { title: string; icon: ReactNode; count?: number; testId: string; action?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId} className="prep-section" data-testid={props.testId} padding="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap={8}>
          <Text c="teal" display="flex" aria-hidden>
            {props.icon}
          </Text>
          <Title order={4} size="h5" id={headingId}>
            {props.title}
          </Title>
          {props.count !== undefined && props.count > 0 && (
            <Badge size="sm" variant="light" color="gray" circle={props.count < 10}>
              {props.count}
            </Badge>
          )}
        </Group>
        {props.action}
      </Group>
      {props.children}
    </Card>
  );
}
