// Today: the first screen. What needs the manager today across every active report — the next
// 1:1s (prep one click away), signals new since the last visit and standing high ones, overdue
// action items, mandate reviews and packet deadlines coming up — then everyone at a glance.
import { Anchor, Badge, Button, Card, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useHotkeys } from "@mantine/hooks";
import { Link, useLocation } from "wouter";

import type { ReportGlance, Signal, Today } from "../../bindings";
import { useToday } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Markdown } from "../../components/Markdown";
import { formatDate } from "../../lib/dates";
import { CalendarImportButton } from "../oneonones/CalendarImport";
import { relativeDay } from "../oneonones/dates";
import { RULE_LABELS, severityColor, SEVERITIES } from "../radar/signals";
import { nextOneOnOneText, ReadinessBadge, SignalCounts } from "./glance";
import classes from "./TodayPage.module.css";

// The first run's welcome and steps load only when shown: the first script stays what Today needs.
const Welcome = lazy(() => import("./Welcome").then((m) => ({ default: m.Welcome })));
const GettingStarted = lazy(() => import("./Welcome").then((m) => ({ default: m.GettingStarted })));
/**
 * The first steps stay on Today, ticked as they are done, for a roster this small (each report's
 * evidence is asked for). A larger roster is past its first steps and pays nothing for them.
 */
export const FIRST_STEPS_UP_TO = 5;

export function TodayPage() {
  const today = useToday();
  const [, navigate] = useLocation();
  useHotkeys([["n", () => navigate("/reports/new")]]);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>Today</Title>
          {today.data && (
            <Text size="sm" c="dimmed" data-testid="today-date">
              {formatDate(today.data.asOf)}
              {today.data.previousVisit ? ` · new since your last visit on ${formatDate(today.data.previousVisit)}` : ""}
            </Text>
          )}
        </Stack>
        <Button component={Link} href="/reports/new" leftSection={<IconUserPlus size={18} aria-hidden />} data-testid="add-report">
          Add report
        </Button>
      </Group>
      {today.isPending && <Loader aria-label="Loading today" />}
      {today.isError && <ErrorNotice error={today.error} />}
      {today.data &&
        (today.data.roster.length === 0 ? (
          <Suspense fallback={<Loader aria-label="Loading the welcome" />}>
            <Welcome />
          </Suspense>
        ) : (
          <TodayBoard today={today.data} />
        ))}
    </Stack>
  );
}

function TodayBoard({ today }: { today: Today }) {
  const asOf = today.asOf;
  return (
    <Stack gap="md">
      {today.roster.length <= FIRST_STEPS_UP_TO && (
        <Suspense fallback={null}>
          <GettingStarted roster={today.roster} />
        </Suspense>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title="Next 1:1s"
          testId="today-one-on-ones"
          empty="No 1:1 in the next week, and none due. Plan one on a report’s 1:1s tab, or import them from your calendar."
          footer={<CalendarImportButton size="xs" />}
        >
          {today.oneOnOnes.map((o) => (
            <List.Item key={o.reportId}>
              <Anchor component={Link} href={`/reports/${o.reportId}/prep`} fw={600}>
                {o.reportName}
              </Anchor>{" "}
              <Text span size="sm">
                {nextOneOnOneText(o, asOf)}
              </Text>{" "}
              <Anchor component={Link} href={`/reports/${o.reportId}/prep`} size="sm" style={{ whiteSpace: "nowrap" }}>
                Open prep
              </Anchor>
            </List.Item>
          ))}
        </Section>
        <Section
          title={today.previousVisit ? "New since your last visit" : "New this week"}
          testId="today-new-signals"
          empty="Nothing new on the radar. Each report’s Radar tab lists what is still open."
        >
          {today.newSignals.map((s) => (
            <SignalLine key={`${s.reportId}-${s.rule}-${s.causeKey}`} signal={s} asOf={asOf} />
          ))}
        </Section>
        <Section title="Standing high risks" testId="today-standing" empty="No high risk is open: nothing urgent to act on.">
          {today.standingHigh.map((s) => (
            <SignalLine key={`${s.reportId}-${s.rule}-${s.causeKey}`} signal={s} asOf={asOf} />
          ))}
        </Section>
        <Section title="Overdue action items" testId="today-actions" empty="No action item is overdue.">
          {today.overdueActions.map((a) => (
            <List.Item key={a.actionId}>
              <Anchor component={Link} href={`/reports/${a.reportId}/one-on-ones`} fw={600}>
                {a.reportName}
              </Anchor>{" "}
              <Text span size="sm">
                <Markdown inline>{a.text}</Markdown> — {a.owner === "manager" ? "yours" : "theirs"}, due {formatDate(a.dueOn)} ({relativeDay(a.dueOn, asOf)})
              </Text>
            </List.Item>
          ))}
        </Section>
        <Section title="Mandate reviews" testId="today-mandates" empty="No mandate review due in the next month.">
          {today.mandateReviews.map((m) => (
            <List.Item key={m.mandateId}>
              <Anchor component={Link} href={`/reports/${m.reportId}/overview`} fw={600}>
                {m.reportName}
              </Anchor>{" "}
              <Text span size="sm">
                review {m.reviewBy < asOf ? "was due" : "due"} {formatDate(m.reviewBy)} ({relativeDay(m.reviewBy, asOf)}): {m.statement}
              </Text>
            </List.Item>
          ))}
        </Section>
        <Section
          title="Packet deadlines"
          testId="today-deadlines"
          empty={
            <>
              No packets due in the next two months.{" "}
              <Anchor component={Link} href="/cycles" inherit>
                See every cycle
              </Anchor>
            </>
          }
        >
          {today.deadlines.map((d) => (
            <List.Item key={d.cycleId}>
              <Anchor component={Link} href={`/cycles/${d.cycleId}`} fw={600}>
                {d.name}
              </Anchor>{" "}
              <Text span size="sm">
                packets due {formatDate(d.packetDue)} ({relativeDay(d.packetDue, asOf)}),{" "}
                {d.withoutPacket === 0
                  ? "every candidate has a draft"
                  : `${d.withoutPacket} of ${d.candidates} candidates without a draft`}
              </Text>
            </List.Item>
          ))}
        </Section>
      </SimpleGrid>
      <Glance roster={today.roster} asOf={asOf} />
    </Stack>
  );
}

/** Each of Today's cards shows this many lines until asked for all: readable at a glance. */
const FIRST_SHOWN = 5;

function Section({
  title,
  testId,
  empty,
  children,
  footer,
}: {
  title: string;
  testId: string;
  /** What the card says with nothing in it: what to do next, if anything. */
  empty: ReactNode;
  children: ReactNode[];
  footer?: ReactNode;
}) {
  const [all, setAll] = useState(false);
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children.length === 0 ? (
        <EmptyLine testId={`${testId}-empty`}>{empty}</EmptyLine>
      ) : (
        <>
          <List spacing={6} listStyleType="none">
            {all ? children : children.slice(0, FIRST_SHOWN)}
          </List>
          {children.length > FIRST_SHOWN && (
            <Button variant="subtle" size="compact-sm" mt={6} onClick={() => setAll((a) => !a)} aria-expanded={all} data-testid={`${testId}-more`}>
              {all ? "Show fewer" : `Show all ${children.length}`}
            </Button>
          )}
        </>
      )}
      {footer && <div className="no-print" style={{ marginTop: "var(--mantine-spacing-sm)" }}>{footer}</div>}
    </Card>
  );
}

function SignalLine({ signal: s, asOf }: { signal: Signal; asOf: string }) {
  return (
    <List.Item>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Badge size="sm" color={severityColor(s.severity)} variant="light" style={{ flexShrink: 0 }}>
          {SEVERITIES.find((x) => x.value === s.severity)?.label}
        </Badge>
        <Text size="sm" title={RULE_LABELS[s.rule]}>
          <Anchor component={Link} href={`/reports/${s.reportId}/radar`} fw={600}>
            {s.reportName}
          </Anchor>
          {": "}
          {s.message}{" "}
          <Text span c="dimmed" size="xs">
            since {formatDate(s.since)} ({relativeDay(s.since, asOf)})
          </Text>
        </Text>
      </Group>
    </List.Item>
  );
}

/** Every active report: open signals by severity, readiness, the next 1:1. */
function Glance({ roster, asOf }: { roster: ReportGlance[]; asOf: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label="Your reports" className={classes.glance}>
      <Title order={3} size="h5" mb="xs">
        Your reports
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} data-testid="glance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Open signals</Table.Th>
              <Table.Th>Readiness</Table.Th>
              <Table.Th>Next 1:1</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roster.map((r) => (
              <Table.Tr key={r.reportId} data-testid="glance-row">
                <Table.Td>
                  <Anchor component={Link} href={`/reports/${r.reportId}`} fw={600}>
                    {r.reportName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <SignalCounts glance={r} />
                </Table.Td>
                <Table.Td>
                  <ReadinessBadge readiness={r.readiness} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{nextOneOnOneText(r.nextOneOnOne, asOf)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
