// Editing what a 1:1 holds, in place: the date of a meeting, a note, an agenda item, an action
// item. Each form sends the whole draft with the version it was opened at.
import { Checkbox, NativeSelect, Paper, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

import type { ActionItem, ActionOwner, AgendaItem, Meeting, MeetingNote, Report } from "../../bindings";
import { oneOnOneKeys, useUpdateActionItem, useUpdateAgendaItem, useUpdateMeeting, useUpdateNote } from "../../api/oneOnOnes";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { INLINE_MARKDOWN_HINT, MARKDOWN_HINT } from "../../components/markdown/hints";
import { OWNERS, firstName } from "./shared";

type Common = { report: Report; onDone: () => void };

/** For a conflicting edit: drop what was typed and show what is stored now. */
function useReload(report: Report, onDone: () => void) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: oneOnOneKeys.oneOnOnes(report.id) });
    onDone();
  };
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-body)">
      {children}
    </Paper>
  );
}

export function MeetingForm({ report, meeting, onDone }: Common & { meeting: Meeting }) {
  const update = useUpdateMeeting(report.id);
  const reload = useReload(report, onDone);
  const form = useRecordForm({ heldOn: meeting.heldOn }, async (draft) => {
    await update.mutateAsync({ id: meeting.id, expectedVersion: meeting.version, draft });
    onDone();
  });
  return (
    <Frame>
      <RecordForm form={form} label="Change the date of the 1:1" submitLabel="Save date" onCancel={onDone} onReload={reload}>
        <DateInput label="Date of the 1:1" description="A later date makes it a planned 1:1" w={220} autoFocus {...form.text("heldOn")} />
      </RecordForm>
    </Frame>
  );
}

export function NoteForm({ report, note, onDone }: Common & { note: MeetingNote }) {
  const update = useUpdateNote(report.id);
  const reload = useReload(report, onDone);
  const form = useRecordForm({ body: note.body, private: note.private }, async (draft) => {
    await update.mutateAsync({ id: note.id, expectedVersion: note.version, draft });
    onDone();
  });
  return (
    <Frame>
      <RecordForm form={form} label="Edit the note" submitLabel="Save note" onCancel={onDone} onReload={reload}>
        <Textarea label="Note" description={MARKDOWN_HINT} autosize minRows={2} maxRows={16} autoFocus {...form.text("body")} />
        <Checkbox
          label="Private"
          description="Private notes never leave the app unless you ask"
          checked={form.values.private}
          onChange={(e) => form.set("private", e.currentTarget.checked)}
          data-testid="field-private"
        />
      </RecordForm>
    </Frame>
  );
}

export function AgendaItemForm({ report, item, onDone }: Common & { item: AgendaItem }) {
  const update = useUpdateAgendaItem(report.id);
  const reload = useReload(report, onDone);
  const form = useRecordForm({ text: item.text, shared: item.shared }, async (draft) => {
    await update.mutateAsync({ id: item.id, expectedVersion: item.version, draft });
    onDone();
  });
  return (
    <Frame>
      <RecordForm form={form} label="Edit the agenda item" submitLabel="Save item" onCancel={onDone} onReload={reload}>
        <TextInput label="Agenda item" description={INLINE_MARKDOWN_HINT} autoFocus {...form.text("text")} />
        <Checkbox
          label={`Shared with ${firstName(report.name)}`}
          checked={form.values.shared}
          onChange={(e) => form.set("shared", e.currentTarget.checked)}
          data-testid="field-shared"
        />
      </RecordForm>
    </Frame>
  );
}

export function ActionItemForm({ report, action, onDone }: Common & { action: ActionItem }) {
  const update = useUpdateActionItem(report.id);
  const reload = useReload(report, onDone);
  const initial = { text: action.text, owner: action.owner as string, dueOn: action.dueOn ?? "", doneOn: action.doneOn ?? "" };
  const form = useRecordForm(initial, async (v) => {
    await update.mutateAsync({
      id: action.id,
      expectedVersion: action.version,
      draft: { ...v, owner: (v.owner || null) as ActionOwner | null },
    });
    onDone();
  });
  return (
    <Frame>
      <RecordForm form={form} label="Edit the action item" submitLabel="Save action item" onCancel={onDone} onReload={reload}>
        <TextInput label="Action item" description={INLINE_MARKDOWN_HINT} autoFocus {...form.text("text")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label="Owner" data={OWNERS} {...form.text("owner")} />
          <DateInput label="Due on" description="Empty for no due date" {...form.text("dueOn")} />
          <DateInput label="Done on" description="Empty while not done" {...form.text("doneOn")} />
        </SimpleGrid>
      </RecordForm>
    </Frame>
  );
}
