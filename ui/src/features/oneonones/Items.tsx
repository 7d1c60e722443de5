// One agenda item, action item or note as the 1:1s tab lists it: what it says, its badges,
// what was made from it, and what can be done with it (done, drop, edit, promote, delete).
import { Button, Checkbox, Paper } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";

import type { ActionItem, AgendaItem, AgendaOutcome, AgendaStatus, MeetingId, MeetingNote, Report } from "../../bindings";
import { useSetAgendaStatus, useUpdateActionItem } from "../../api/oneOnOnes";
import { DeleteButton } from "../../components/DeleteButton";
import { Markdown } from "../../components/Markdown";
import { ErrorNotice } from "../../components/ErrorNotice";
import { todayIso } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { isOverdue } from "./dates";
import { ActionItemForm, AgendaItemForm, NoteForm } from "./EditForms";
import { ItemMenu } from "./ItemMenu";
import classes from "./OneOnOnes.module.css";
import { CarriedBadge, DerivedLinks, DueText, OutcomeBadge, OwnerBadge, SharedBadge, actionDraft, excerpt } from "./shared";

/** A dropped agenda item, a done action item. */
const STRUCK = { textDecoration: "line-through", color: "var(--mantine-color-dimmed)" } as const;

type AgendaProps = {
  report: Report;
  item: AgendaItem;
  carried: number;
  /** What happened to it in the meeting it is listed under (none in the next 1:1's list). */
  outcome?: AgendaOutcome;
  /**
   * Where Done / Drop record it: that meeting, or null for outside a 1:1. Undefined: it is not
   * closed from here (an earlier 1:1, or a planned one).
   */
  closeIn?: MeetingId | null;
  /** The date a piece of evidence or feedback made from it starts on. */
  on: string;
  readOnly: boolean;
  /** Whether this is where search brings the item into view (it can be listed twice). */
  focusable: boolean;
};

export function AgendaRow({ report, item, carried, outcome, closeIn, on, readOnly, focusable }: AgendaProps) {
  const { ref, isTarget } = useFocusTarget<HTMLLIElement>(item.id);
  const [editing, setEditing] = useState(false);
  const setStatus = useSetAgendaStatus(report.id);
  const what = `the agenda item “${excerpt(item.text)}”`;
  const short = excerpt(item.text, 40);
  const change = (status: AgendaStatus, meetingId: MeetingId | null) =>
    setStatus.mutate({ id: item.id, expectedVersion: item.version, status, meetingId });
  const canClose = item.status === "open" && closeIn !== undefined;
  const canReopen = item.status !== "open" && (outcome === "done" || outcome === "dropped");
  return (
    <li
      ref={focusable ? ref : undefined}
      id={focusable ? `record-${item.id}` : undefined}
      tabIndex={focusable ? -1 : undefined}
      data-testid={`agenda-${item.id}`}
      data-focused={(focusable && isTarget) || undefined}
      className={classes.row}
      style={targetStyle(focusable && isTarget)}
    >
      {editing ? (
        <AgendaItemForm report={report} item={item} onDone={() => setEditing(false)} />
      ) : (
        <div className={classes.line}>
          <div className={classes.body}>
            <div className={classes.text}>
              {outcome && (
                <>
                  <OutcomeBadge outcome={outcome} />{" "}
                </>
              )}
              <span style={outcome === "dropped" ? STRUCK : undefined}>
                <Markdown inline>{item.text}</Markdown>
              </span>{" "}
              <CarriedBadge carried={carried} /> <SharedBadge shared={item.shared} />
            </div>
            <DerivedLinks links={item.links} reportId={report.id} />
          </div>
          {!readOnly && (
            <div className={`${classes.tools} no-print`}>
              {canClose && (
                <>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="teal"
                    leftSection={<IconCheck size={12} aria-hidden />}
                    aria-label={`Done: ${short}`}
                    disabled={setStatus.isPending}
                    onClick={() => change("done", closeIn)}
                  >
                    Done
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconX size={12} aria-hidden />}
                    aria-label={`Drop: ${short}`}
                    disabled={setStatus.isPending}
                    onClick={() => change("dropped", closeIn)}
                  >
                    Drop
                  </Button>
                </>
              )}
              {canReopen && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconArrowBackUp size={12} aria-hidden />}
                  aria-label={`Reopen: ${short}`}
                  disabled={setStatus.isPending}
                  onClick={() => change("open", null)}
                >
                  Reopen
                </Button>
              )}
              <ItemMenu report={report} source={{ ref: { kind: "agenda_item", id: item.id }, text: item.text, on, what, private: !item.shared }} onEdit={() => setEditing(true)} />
              <DeleteButton kind="agenda_item" id={item.id} label={what} />
            </div>
          )}
        </div>
      )}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
    </li>
  );
}

type ActionProps = { report: Report; action: ActionItem; on: string; readOnly: boolean; focusable: boolean };

export function ActionRow({ report, action: a, on, readOnly, focusable }: ActionProps) {
  const { ref, isTarget } = useFocusTarget<HTMLLIElement>(a.id);
  const [editing, setEditing] = useState(false);
  const update = useUpdateActionItem(report.id);
  const today = todayIso();
  const done = a.doneOn !== null;
  const overdue = !done && isOverdue(a.dueOn, today);
  const what = `the action item “${excerpt(a.text)}”`;
  const toggle = (checked: boolean) =>
    update.mutate({ id: a.id, expectedVersion: a.version, draft: actionDraft(a, { doneOn: checked ? today : "" }) });
  return (
    <li
      ref={focusable ? ref : undefined}
      id={focusable ? `record-${a.id}` : undefined}
      tabIndex={focusable ? -1 : undefined}
      data-testid={`action-${a.id}`}
      data-overdue={overdue || undefined}
      data-focused={(focusable && isTarget) || undefined}
      className={classes.row}
      style={targetStyle(focusable && isTarget)}
    >
      {editing ? (
        <ActionItemForm report={report} action={a} onDone={() => setEditing(false)} />
      ) : (
        <div className={`${classes.line} ${classes.start}`}>
          <Checkbox
            mt={2}
            aria-label={`Done: ${excerpt(a.text, 40)}`}
            checked={done}
            disabled={readOnly || update.isPending}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          <div className={classes.body} style={{ gap: 2 }}>
            <div className={classes.text} style={{ lineHeight: "var(--mantine-line-height-sm)", ...(done ? STRUCK : null) }}>
              <Markdown inline>{a.text}</Markdown>
            </div>
            <div className={classes.meta}>
              <OwnerBadge owner={a.owner} />
              <DueText action={a} today={today} />
            </div>
            <DerivedLinks links={a.links} reportId={report.id} />
          </div>
          {!readOnly && (
            <div className={`${classes.tools} no-print`}>
              <ItemMenu report={report} source={{ ref: { kind: "action_item", id: a.id }, text: a.text, on, what, private: false }} onEdit={() => setEditing(true)} />
              <DeleteButton kind="action_item" id={a.id} label={what} />
            </div>
          )}
        </div>
      )}
      {update.error && <ErrorNotice error={update.error} />}
    </li>
  );
}

export function NoteItem({ report, note, on, readOnly }: { report: Report; note: MeetingNote; on: string; readOnly: boolean }) {
  const [editing, setEditing] = useState(false);
  const what = `the note “${excerpt(note.body)}”`;
  if (editing) {
    return (
      <li className={classes.row}>
        <NoteForm report={report} note={note} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: "none" }} data-testid={`note-${note.id}`}>
      <div className={classes.line}>
        <div className={classes.body}>
          <Markdown>{note.body}</Markdown>
        </div>
        {!readOnly && (
          <div className={`${classes.tools} no-print`}>
            <ItemMenu report={report} source={{ ref: { kind: "note", id: note.id }, text: note.body, on, what, private: note.private }} onEdit={() => setEditing(true)} />
            <DeleteButton kind="note" id={note.id} label={what} />
          </div>
        )}
      </div>
      <div className={classes.meta} style={{ marginTop: 6, gap: "var(--mantine-spacing-sm)" }}>
        <SharedBadge shared={!note.private} />
        <DerivedLinks links={note.links} reportId={report.id} />
      </div>
    </Paper>
  );
}
