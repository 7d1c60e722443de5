// Quick inputs of the 1:1s: hold or plan a 1:1, add to the agenda, add a note, add an action
// item. Each keeps what was typed when the core says no, and empties itself once saved.
import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarPlus, IconPlus } from "@tabler/icons-react";
import { useRef, useState } from "react";

import type { ActionItemDraft, ActionOwner, AgendaItemDraft, MeetingId, NoteDraft, OneOnOnes, Report } from "../../bindings";
import { useAddActionItem, useAddAgendaItem, useAddNote, useCreateMeeting } from "../../api/oneOnOnes";
import { DateInput } from "../../components/form/DateInput";
import { growing } from "../../components/form/grow";
import { INLINE_MARKDOWN_HINT, MARKDOWN_HINT } from "../../components/markdown/hints";
import { useRecordForm } from "../../components/form/useRecordForm";
import { todayIso } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { useIntent } from "../../lib/intent";
import { addDays, dayDate } from "./dates";
import { QuickForm } from "./QuickForm";
import { OWNERS, firstName } from "./shared";
import { IconButton } from "../../components/IconButton";

/**
 * Each quick input starts afresh once saved (a new form, so its values are the defaults again),
 * with focus back in it for the next entry.
 */
function useRounds() {
  const [round, setRound] = useState(0);
  return { key: round, again: round > 0, next: () => setRound((r) => r + 1) };
}

type Saved = { again: boolean; onSaved: () => void };

/** When the next 1:1 is due by the cadence: one cadence after the last, tomorrow at the earliest. */
function nextDue(ones: OneOnOnes, report: Report, today: string): string {
  const due = addDays(ones.lastMeeting ?? today, report.oneOnOneEveryDays);
  const tomorrow = addDays(today, 1);
  return due > tomorrow ? due : tomorrow;
}

/** A date and "Hold 1:1" (today or earlier) or "Plan 1:1" (a later date). */
export function HoldMeetingForm(props: { report: Report; ones: OneOnOnes }) {
  const round = useRounds();
  return <HoldMeeting key={round.key} {...props} again={round.again} onSaved={round.next} />;
}

function HoldMeeting({ report, ones, onSaved }: { report: Report; ones: OneOnOnes } & Saved) {
  const today = todayIso();
  const create = useCreateMeeting(report.id);
  // One 1:1 a day: once today's is recorded, the likely next step is planning the next one.
  const heldToday = ones.meetings.some((m) => m.heldOn === today);
  // The one after is planned one cadence on.
  const form = useRecordForm({ heldOn: heldToday ? addDays(today, report.oneOnOneEveryDays) : today }, async (draft) => {
    const saved = await create.mutateAsync(draft);
    const planned = draft.heldOn > today;
    notifications.show({
      message: planned ? `Planned a 1:1 with ${report.name} on ${dayDate(draft.heldOn)}.` : `Recorded the 1:1 with ${report.name} on ${dayDate(draft.heldOn)}.`,
      color: "teal",
    });
    const created = saved.meetings.find((m) => m.heldOn === draft.heldOn);
    if (created) focusRecord(created.id);
    onSaved();
  });
  const planning = form.values.heldOn > today;
  const error = form.errors.heldOn;
  // Asked for from the command palette: the date filled in, the field ready to change it.
  const dateField = useRef<HTMLInputElement>(null);
  const askFor = (date: string) => {
    form.set("heldOn", date);
    window.setTimeout(() => {
      dateField.current?.focus();
      dateField.current?.select();
    }, 0);
  };
  useIntent(report.id, "hold-one-on-one", () => askFor(today));
  useIntent(report.id, "plan-one-on-one", () => askFor(nextDue(ones, report, today)));
  return (
    <QuickForm form={form} label="Hold or plan a 1:1" fields={["heldOn"]}>
      <Stack gap={4}>
        <DateInput
          ref={dateField}
          label="Date of the 1:1"
          value={form.values.heldOn}
          onChange={(e) => form.set("heldOn", e.currentTarget.value)}
          error={error ? true : undefined}
          aria-describedby={error ? "hold-error" : undefined}
          data-testid="field-heldOn"
          beside={
            <Button type="submit" loading={form.saving} leftSection={<IconCalendarPlus size={16} aria-hidden />} data-testid="hold-meeting">
              {planning ? "Plan 1:1" : "Hold 1:1"}
            </Button>
          }
        />
        {error && (
          <Text size="xs" c="var(--mantine-color-error)" id="hold-error" data-testid="error-heldOn" maw={320}>
            {error}
          </Text>
        )}
      </Stack>
    </QuickForm>
  );
}

/** An agenda item for the next 1:1 (or for `meetingId`): Enter adds it; private unless shared. */
export function AgendaAdder(props: { report: Report; meetingId?: MeetingId | null }) {
  const round = useRounds();
  return <AgendaAdderForm key={round.key} {...props} again={round.again} onSaved={round.next} />;
}

function AgendaAdderForm({ report, meetingId = null, again, onSaved }: { report: Report; meetingId?: MeetingId | null } & Saved) {
  const add = useAddAgendaItem(report.id);
  const form = useRecordForm<AgendaItemDraft>({ text: "", shared: false }, async (draft) => {
    await add.mutateAsync({ meetingId, draft });
    onSaved();
  });
  const field = useRef<HTMLInputElement>(null);
  useIntent(report.id, "add-agenda-item", () => field.current?.focus());
  return (
    <QuickForm form={form} label="New agenda item" fields={["text"]} data-testid="agenda-adder">
      <TextInput
        ref={field}
        label="Add to agenda"
        placeholder="Something to raise at the next 1:1"
        description={INLINE_MARKDOWN_HINT}
        autoFocus={again}
        {...form.text("text")}
        rightSectionWidth={40}
        // Mantine sections let pointer events through by default; this one holds a button.
        rightSectionPointerEvents="all"
        rightSection={
          <IconButton label="Add the agenda item" hint="Add the agenda item (Enter)" type="submit" variant="light" loading={form.saving}>
            <IconPlus size={16} />
          </IconButton>
        }
      />
      <Group gap="md" mt={6}>
        <Checkbox
          size="xs"
          label={`Shared with ${firstName(report.name)}`}
          checked={form.values.shared}
          onChange={(e) => form.set("shared", e.currentTarget.checked)}
          data-testid="field-shared"
        />
        <Text size="xs" c="dimmed">
          Enter adds it · private unless shared
        </Text>
      </Group>
    </QuickForm>
  );
}

/** A note in a 1:1: private unless unticked; Ctrl+Enter adds it. */
export function NoteAdder(props: { report: Report; meetingId: MeetingId }) {
  const round = useRounds();
  return <NoteAdderForm key={round.key} {...props} again={round.again} onSaved={round.next} />;
}

function NoteAdderForm({ report, meetingId, again, onSaved }: { report: Report; meetingId: MeetingId } & Saved) {
  const add = useAddNote(report.id);
  const form = useRecordForm<NoteDraft>({ body: "", private: true }, async (draft) => {
    await add.mutateAsync({ meetingId, draft });
    onSaved();
  });
  return (
    <QuickForm form={form} label="New note" fields={["body"]}>
      <Textarea
        label="Add a note"
        placeholder="What was said, decided, worth remembering"
        description={MARKDOWN_HINT}
        {...growing(2, 12)}
        autoFocus={again}
        {...form.text("body")}
      />
      <Group justify="space-between" mt={6}>
        <Checkbox
          size="xs"
          label="Private"
          description="Private notes never leave the app unless you ask"
          checked={form.values.private}
          onChange={(e) => form.set("private", e.currentTarget.checked)}
          data-testid="field-private"
        />
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            Ctrl + Enter adds it
          </Text>
          <Button type="submit" size="xs" variant="light" loading={form.saving}>
            Add note
          </Button>
        </Group>
      </Group>
    </QuickForm>
  );
}

type ActionValues = { text: string; owner: string; dueOn: string };

/** An action item raised in `meetingId`: what, whose (me or them), due when. */
export function ActionAdder(props: { report: Report; meetingId: MeetingId | null }) {
  const [open, setOpen] = useState(false);
  const round = useRounds();
  if (!open) {
    return (
      <Group>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpen(true)}>
          Add action item
        </Button>
      </Group>
    );
  }
  return <ActionAdderForm key={round.key} {...props} again={round.again} onSaved={round.next} onClose={() => setOpen(false)} />;
}

function ActionAdderForm({ report, meetingId, onSaved, onClose }: { report: Report; meetingId: MeetingId | null; onClose: () => void } & Saved) {
  const add = useAddActionItem(report.id);
  const form = useRecordForm<ActionValues>({ text: "", owner: "manager", dueOn: "" }, async (v) => {
    const draft: ActionItemDraft = { text: v.text, owner: (v.owner || null) as ActionOwner | null, dueOn: v.dueOn, doneOn: "" };
    await add.mutateAsync({ meetingId, draft });
    onSaved();
  });
  return (
    <QuickForm form={form} label="Add an action item" fields={["text", "owner", "dueOn"]}>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          label="Action item"
          placeholder="Who does what"
          style={{ flex: "1 1 240px" }}
          autoFocus
          description={INLINE_MARKDOWN_HINT}
          // Under the field, so that it lines up with Owner and Due on.
          inputWrapperOrder={["label", "input", "description", "error"]}
          {...form.text("text")}
        />
        <NativeSelect label="Owner" w={100} data={OWNERS} {...form.text("owner")} />
        <DateInput label="Due on" w={140} {...form.text("dueOn")} />
      </Group>
      <Group gap="xs" mt="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          Close
        </Button>
        <Button size="xs" type="submit" loading={form.saving}>
          Add action item
        </Button>
      </Group>
    </QuickForm>
  );
}
