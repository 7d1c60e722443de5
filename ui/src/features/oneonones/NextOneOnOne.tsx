// The next 1:1 at a glance: when it is (or a way to hold or plan one), what it will carry (open
// agenda items, oldest first) and the action items still open.
import { Anchor, Badge, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { IconCalendarEvent } from "@tabler/icons-react";
import { useId } from "react";
import { Link } from "wouter";

import type { ActionItem, AgendaItem, OneOnOnes, Report } from "../../bindings";
import { EmptyLine } from "../../components/Empty";
import { cadenceLabel } from "../../lib/cadence";
import { ActionAdder, AgendaAdder, HoldMeetingForm } from "./Adders";
import { CalendarImportButton } from "./CalendarImport";
import { addDays, dayDate, relativeDay } from "./dates";
import { ActionRow, AgendaRow } from "./Items";
import { List } from "./MeetingCard";

/** How many 1:1s before the next one an open item was already on. */
export function carriedBefore(item: AgendaItem, next: string | null): number {
  return item.meetingDates.filter((d) => next === null || d < next).length;
}

/** The date evidence made from an open agenda item starts on: the last 1:1 it was on, else when it was raised. */
function agendaDate(item: AgendaItem, today: string): string {
  const held = item.meetingDates.filter((d) => d <= today);
  return held[held.length - 1] ?? item.addedOn;
}

function actionDate(a: ActionItem, ones: OneOnOnes): string {
  return ones.meetings.find((m) => m.id === a.meetingId)?.heldOn ?? a.createdAt.slice(0, 10);
}

type Props = { report: Report; ones: OneOnOnes; today: string; readOnly: boolean };

export function NextOneOnOne({ report, ones, today, readOnly }: Props) {
  const headingId = useId();
  const next = ones.nextMeeting;
  // Done or dropped from here: in today's 1:1 if there is one, else outside a 1:1.
  const todays = ones.meetings.find((m) => m.heldOn === today);
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="next-one-on-one" padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="md">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId}>
              Next 1:1
            </Title>
            {next ? (
              <Group gap="xs" align="center" data-testid="next-date">
                <IconCalendarEvent size={20} aria-hidden color="var(--mantine-color-teal-text)" />
                <Text fw={700} size="lg">
                  {dayDate(next)}
                </Text>
                <Badge variant="light" color={next === today ? "teal" : "blue"}>
                  {relativeDay(next, today)}
                </Badge>
              </Group>
            ) : (
              <Text c="dimmed" data-testid="next-date">
                No 1:1 planned
              </Text>
            )}
            <Cadence report={report} last={ones.lastMeeting} next={next} today={today} readOnly={readOnly} />
          </Stack>
          {!readOnly && (
            <Group className="no-print" gap="xs" align="flex-end">
              <HoldMeetingForm report={report} ones={ones} />
              <CalendarImportButton />
            </Group>
          )}
        </Group>

        <Divider label={`Agenda for the next 1:1 (${ones.openAgenda.length})`} labelPosition="left" />
        {ones.openAgenda.length === 0 ? (
          <EmptyLine>
            Nothing on the agenda yet.{readOnly ? "" : " Add what you want to raise below:"} items carry over from 1:1 to 1:1 until done or dropped.
          </EmptyLine>
        ) : (
          <List label="Agenda for the next 1:1">
            {ones.openAgenda.map((item) => (
              <AgendaRow
                key={item.id}
                report={report}
                item={item}
                carried={carriedBefore(item, next)}
                closeIn={todays?.id ?? null}
                on={agendaDate(item, today)}
                readOnly={readOnly}
                focusable
              />
            ))}
          </List>
        )}
        {!readOnly && (
          <div className="no-print">
            <AgendaAdder report={report} />
          </div>
        )}

        <Divider label={`Open action items (${ones.openActions.length})`} labelPosition="left" />
        {ones.openActions.length === 0 ? (
          <EmptyLine>No open action items.{readOnly ? "" : " Add one below when something is agreed."}</EmptyLine>
        ) : (
          <List label="Open action items">
            {ones.openActions.map((a) => (
              <ActionRow key={a.id} report={report} action={a} on={actionDate(a, ones)} readOnly={readOnly} focusable />
            ))}
          </List>
        )}
        {!readOnly && (
          <div className="no-print">
            <ActionAdder report={report} meetingId={todays?.id ?? null} />
          </div>
        )}
      </Stack>
    </Card>
  );
}

/** "1:1s every two weeks · the last on Thu 19 Nov 2026, so the next is due by Thu 3 Dec 2026 · change". */
function Cadence({ report, last, next, today, readOnly }: { report: Report; last: string | null; next: string | null; today: string; readOnly: boolean }) {
  const every = report.oneOnOneEveryDays;
  const due = last ? addDays(last, every) : null;
  // Only worth saying when nothing is planned, or when the plan is later than the cadence.
  const late = due !== null && (next === null || next > due);
  return (
    <Text size="sm" c="dimmed" data-testid="cadence">
      1:1s {cadenceLabel(every).toLowerCase()}
      {late && due && (
        <>
          {" · "}
          <Text span inherit c={due < today ? "var(--mantine-color-red-text)" : undefined} data-testid="cadence-due">
            {due < today ? "was due by" : "next due by"} {dayDate(due)}
          </Text>
        </>
      )}
      {!readOnly && (
        <>
          {" · "}
          <Anchor component={Link} href={`/reports/${report.id}/edit`} inherit underline="always" className="no-print">
            change
          </Anchor>
        </>
      )}
    </Text>
  );
}
