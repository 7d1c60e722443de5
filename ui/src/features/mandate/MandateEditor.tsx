// Setting, fixing, reviewing, replacing and closing a mandate: one form, whose fields depend on
// the task.
import { Divider, NativeSelect, SimpleGrid, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { Mandate, Report } from "../../bindings";
import { renameFields } from "../../api/ipc";
import { recordKeys, useCloseMandate, useReviewMandate, useSetMandate, useUpdateMandate } from "../../api/record";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { formatDate } from "../../lib/dates";
import { ASSESSMENTS, MANDATE_STATUSES } from "../../lib/labels";
import { ReviewFields } from "./ReviewFields";
import { closingOf, draftOf, emptyValues, reviewOf, valuesOf, type MandateValues } from "./values";

export type EditorMode = "set" | "edit" | "replace" | "close" | "review";

const CHOOSE = { value: "", label: "Choose…" };
const SUBMIT: Record<EditorMode, string> = {
  set: "Set mandate",
  edit: "Save changes",
  replace: "Replace mandate",
  close: "Close mandate",
  review: "Save review",
};
export const EDITOR_TITLES: Record<EditorMode, string> = {
  set: "Set a mandate",
  edit: "Fix the current mandate",
  replace: "Replace the mandate",
  close: "Close the mandate",
  review: "Review the mandate",
};

type Props = { report: Report; mode: EditorMode; current: Mandate | undefined; onDone: () => void };

export function MandateEditor({ report, mode, current, onDone }: Props) {
  const set = useSetMandate(report.id);
  const update = useUpdateMandate(report.id);
  const close = useCloseMandate(report.id);
  const review = useReviewMandate(report.id);
  const client = useQueryClient();
  // A review starts from the current mandate: "changed" edits it from there.
  const initial = (mode === "edit" || mode === "review") && current ? valuesOf(current) : emptyValues();

  const form = useRecordForm(initial, async (values) => {
    if (mode === "set") {
      await set.mutateAsync({ draft: draftOf(values), closing: null });
      notifications.show({ message: `Set ${report.name}'s mandate.`, color: "teal" });
    } else if (!current) {
      return; // edit, review, replace and close are only offered for a current mandate
    } else if (mode === "edit") {
      await update.mutateAsync({ id: current.id, expectedVersion: current.version, draft: draftOf(values) });
      notifications.show({ message: "Saved the mandate.", color: "teal" });
    } else if (mode === "review") {
      const draft = reviewOf(values, current);
      // The changed mandate's fields are this form's own: the core names them "changed.<field>".
      try {
        await review.mutateAsync({ id: current.id, expectedVersion: current.version, review: draft });
      } catch (e) {
        throw renameFields(e, (f) => f.replace(/^changed\./, ""));
      }
      notifications.show({ message: reviewNotice(draft.outcome, draft.nextReviewOn), color: "teal" });
    } else if (mode === "replace") {
      await set.mutateAsync({ draft: draftOf(values), closing: closingOf(values) });
      notifications.show({ message: "Replaced the mandate; the old one is in the history.", color: "teal" });
    } else {
      await close.mutateAsync({ id: current.id, expectedVersion: current.version, closing: closingOf(values) });
      notifications.show({ message: "Closed the mandate; it is in the history.", color: "teal" });
    }
    onDone();
  });

  const closing = mode === "replace" || mode === "close";
  const reviewing = mode === "review" && current !== undefined;
  const fields = reviewing ? form.values.outcome === "changed" : mode !== "close";
  return (
    <RecordForm
      form={form}
      label={EDITOR_TITLES[mode]}
      submitLabel={SUBMIT[mode]}
      onCancel={onDone}
      onReload={mode === "set" ? undefined : () => void client.invalidateQueries({ queryKey: recordKeys.mandates(report.id) })}
    >
      {closing && <ClosingFields form={form} />}
      {reviewing && <ReviewFields form={form} current={current} />}
      {(closing || reviewing) && fields && <Divider />}
      {fields && (
        <MandateFields
          form={form}
          report={report}
          heading={mode === "replace" ? "The new mandate" : reviewing ? "The mandate from now on" : undefined}
          dates={!reviewing}
        />
      )}
    </RecordForm>
  );
}

type Form = ReturnType<typeof useRecordForm<MandateValues>>;

function ClosingFields({ form }: { form: Form }) {
  const { text } = form;
  return (
    <>
      <Title order={4} size="h5">
        How the current mandate ended
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="How it ended"
          withAsterisk
          autoFocus
          data={[CHOOSE, ...MANDATE_STATUSES.filter((s) => s.value !== "active")]}
          {...text("status")}
        />
        <DateInput label="Ended on" withAsterisk {...text("endedOn")} />
      </SimpleGrid>
      <Textarea label="Reason" description="What happened: shipped, handed over, deprioritised…" withAsterisk autosize minRows={2} {...text("reason")} />
    </>
  );
}

/** The review's notice: "Kept the mandate; next review 2 May 2027." */
function reviewNotice(outcome: string | null, next: string): string {
  if (outcome === "dropped") return "Dropped the mandate; it is in the history.";
  return `${outcome === "changed" ? "Changed" : "Kept"} the mandate; next review ${formatDate(next)}.`;
}

/** The mandate's own fields; without its dates for a review ("changed" keeps the set-on date and moves the review date). */
function MandateFields({ form, report, heading, dates = true }: { form: Form; report: Report; heading?: string; dates?: boolean }) {
  const { text } = form;
  return (
    <>
      {heading && (
        <Title order={4} size="h5">
          {heading}
        </Title>
      )}
      <Textarea
        label="Mandate"
        description={`The problem ${report.name} owns now`}
        withAsterisk
        autoFocus={!heading}
        autosize
        minRows={2}
        {...text("statement")}
      />
      <TextInput
        label="Company priority it serves"
        description="Leave empty if it serves none you can name: that is worth knowing"
        {...text("priority")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label="Room" description="Is nobody else doing it?" withAsterisk data={[CHOOSE, ...ASSESSMENTS]} {...text("room")} />
        <NativeSelect
          label="Attention"
          description="Does leadership agree it matters now?"
          withAsterisk
          data={[CHOOSE, ...ASSESSMENTS]}
          {...text("attention")}
        />
      </SimpleGrid>
      <PersonPicker
        label="Sponsor"
        description="The leader who backs this work"
        value={form.values.sponsorId || null}
        onChange={(id) => form.set("sponsorId", id ?? "")}
        exclude={[report.personId]}
        newRelationship="leadership"
        {...form.field("sponsorId")}
      />
      {dates && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label="Set on" withAsterisk {...text("setOn")} />
          <DateInput
            label="Review by"
            description="When to check it still holds; empty for no date"
            {...text("reviewBy")}
          />
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        Good staff work has room (nobody else is doing it) and attention (leadership agrees it
        matters now); work done before attention arrives is hard to get credit for.
      </Text>
    </>
  );
}
