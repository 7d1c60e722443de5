// One 1:1: its date (planned when later than today), the agenda it had and what happened to
// each item there, the notes taken, and the action items raised.
import { Badge, Box, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconNotes, IconPencil } from "@tabler/icons-react";
import { useId, useState, type ReactNode } from "react";

import type { Meeting, Report } from "../../bindings";
import { EmptyLine } from "../../components/Empty";
import { DeleteButton } from "../../components/DeleteButton";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { ActionAdder, NoteAdder } from "./Adders";
import { dayDate, relativeDay } from "./dates";
import { MeetingForm } from "./EditForms";
import { ActionRow, AgendaRow, NoteItem } from "./Items";
import classes from "./OneOnOnes.module.css";
import { IconButton } from "../../components/IconButton";

type Props = {
  report: Report;
  meeting: Meeting;
  today: string;
  readOnly: boolean;
  /**
   * The latest 1:1 held: its note box starts open (elsewhere it opens on request), and its open
   * agenda items can be marked done or dropped there. Earlier 1:1s are the record.
   */
  current: boolean;
};

export function MeetingCard({ report, meeting: m, today, readOnly, current }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(m.id);
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(current);
  const planned = m.heldOn > today;
  const when = dayDate(m.heldOn);
  const closeIn = current ? m.id : undefined;
  return (
    <Card
      withBorder
      component="article"
      className="lazy-card"
      ref={ref}
      id={`record-${m.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid={`meeting-${m.id}`}
      data-focused={isTarget || undefined}
      style={{ ...targetStyle(isTarget), borderStyle: planned ? "dashed" : undefined }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs" align="baseline">
            <Title order={4} size="h4" id={headingId}>
              {when}
            </Title>
            {planned && (
              <Badge color="blue" variant="light" data-testid="planned">
                planned
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {relativeDay(m.heldOn, today)}
            </Text>
          </Group>
          {!readOnly && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Change the date of the 1:1 on ${when}`} onClick={() => setEditing(true)}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="meeting" id={m.id} label={`the 1:1 on ${when}`} />
            </Group>
          )}
        </Group>
        {editing && <MeetingForm key={m.version} report={report} meeting={m} onDone={() => setEditing(false)} />}

        {m.agenda.length > 0 && (
          <Section title={`Agenda (${m.agenda.length})`}>
            <List label={`Agenda of the 1:1 on ${when}`}>
              {m.agenda.map((e) => (
                <AgendaRow
                  key={e.item.id}
                  report={report}
                  item={e.item}
                  carried={e.carried}
                  outcome={e.outcome}
                  closeIn={closeIn}
                  on={m.heldOn}
                  readOnly={readOnly}
                  focusable={e.outcome === "done" || e.outcome === "dropped"}
                />
              ))}
            </List>
          </Section>
        )}

        <Section
          title={`Notes (${m.notes.length})`}
          action={
            !readOnly &&
            !adding && (
              <Button size="compact-sm" variant="subtle" leftSection={<IconNotes size={14} aria-hidden />} onClick={() => setAdding(true)} aria-label={`Add a note to the 1:1 on ${when}`}>
                Add a note
              </Button>
            )
          }
        >
          {m.notes.length === 0 && (readOnly || !adding) && (
            <EmptyLine>No notes.</EmptyLine>
          )}
          {m.notes.length > 0 && (
            <List label={`Notes of the 1:1 on ${when}`} gap="xs">
              {m.notes.map((n) => (
                <NoteItem key={n.id} report={report} note={n} on={m.heldOn} readOnly={readOnly} />
              ))}
            </List>
          )}
          {!readOnly && adding && (
            <Box mt={4}>
              <NoteAdder report={report} meetingId={m.id} />
            </Box>
          )}
        </Section>

        {(m.actions.length > 0 || !readOnly) && (
          <Section title={`Action items (${m.actions.length})`}>
            {m.actions.length > 0 && (
              <List label={`Action items of the 1:1 on ${when}`}>
                {m.actions.map((a) => (
                  <ActionRow key={a.id} report={report} action={a} on={m.heldOn} readOnly={readOnly} focusable={a.doneOn !== null} />
                ))}
              </List>
            )}
            {!readOnly && <ActionAdder report={report} meetingId={m.id} />}
          </Section>
        )}
      </Stack>
    </Card>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div className={classes.section}>
      <div className={classes.sectionHead}>
        <h5 className={classes.sectionTitle}>{title}</h5>
        {action}
      </div>
      {children}
    </div>
  );
}

export function List({ label, gap = 2, children }: { label: string; gap?: number | string; children: ReactNode }) {
  return (
    <ul className={classes.list} style={{ gap: typeof gap === "number" ? gap : `var(--mantine-spacing-${gap})` }} aria-label={label}>
      {children}
    </ul>
  );
}
