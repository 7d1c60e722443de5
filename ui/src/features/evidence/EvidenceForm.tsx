// Add or edit an evidence item. Values stay in the form whatever the outcome.
import { Checkbox, NativeSelect, SimpleGrid, TextInput, Textarea } from "@mantine/core";

import type { Report } from "../../bindings";
import { useEvidence } from "../../api/record";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { MARKDOWN_HINT, withMarkdownHint } from "../../components/markdown/hints";
import { PeoplePicker } from "../../components/PersonPicker";
import { ARCHETYPES, EVIDENCE_KINDS, EVIDENCE_ROLES, WORK_MIXES } from "../../lib/labels";
import type { EvidenceFormValues } from "./draft";
import { LinksEditor } from "./LinksEditor";

type Props = {
  report: Report;
  /** The item being edited (absent for a new one): it is not "the other" flagship. */
  evidenceId?: string;
  initial: EvidenceFormValues;
  /** The form's accessible name: "New evidence" or "Edit …". */
  label: string;
  submitLabel: string;
  /** Saves; rejects with a CommandError whose field issues are shown inline. */
  onSubmit: (values: EvidenceFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Offered with a conflict: drop the edits and load what is stored now. */
  onReload?: () => void;
};

const CHOOSE = { value: "", label: "Choose…" };

export function EvidenceForm({ report, evidenceId, initial, label, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const form = useRecordForm(initial, onSubmit);
  const { values, errors, text, set } = form;
  const evidence = useEvidence(report.id);
  const otherFlagship = evidence.data?.find((e) => e.flagship && e.id !== evidenceId);
  return (
    <RecordForm form={form} label={label} submitLabel={submitLabel} onCancel={onCancel} onReload={onReload}>
      <TextInput
        label="Title"
        description="What the work was, in a few words"
        withAsterisk
        autoFocus
        {...text("title")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateInput label="Started on" withAsterisk {...text("startedOn")} />
        <DateInput label="Ended on" description="Leave empty while it is ongoing" {...text("endedOn")} />
        <NativeSelect label="Kind" withAsterisk data={[CHOOSE, ...EVIDENCE_KINDS]} {...text("kind")} />
        <NativeSelect
          label="Their role"
          description={`${report.name}'s part in the work`}
          withAsterisk
          data={[CHOOSE, ...EVIDENCE_ROLES]}
          {...text("role")}
        />
      </SimpleGrid>
      <PeoplePicker
        label="Co-owners"
        description="Others who can also claim this work: says who did what before calibration does"
        exclude={[report.personId]}
        newRelationship="my_org"
        value={values.coOwnerIds}
        onChange={(ids) => set("coOwnerIds", ids)}
        {...form.field("coOwnerIds")}
      />
      <Textarea
        label="Quantified impact"
        description={withMarkdownHint("In numbers where you can: “month-end close from 5 days to 1”, “3 teams unblocked”")}
        autosize
        minRows={2}
        maxRows={8}
        {...text("impact")}
      />
      <Textarea label="Description" description={MARKDOWN_HINT} autosize minRows={2} maxRows={12} {...text("description")} />
      <LinksEditor
        links={values.links}
        errors={errors}
        onChange={(links) => set("links", links)}
        onErrorsChange={form.setErrors}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          label="In production since"
          description="Leave empty if it is not in production"
          {...text("inProductionSince")}
        />
        <NativeSelect
          label="Archetype demonstrated"
          description="Optional"
          data={[{ value: "", label: "None in particular" }, ...ARCHETYPES.map((a) => ({ value: a.value, label: a.label }))]}
          {...text("archetype")}
        />
        <NativeSelect
          label="Work mix"
          description="Tag drift early: snacking, preening, chasing ghosts"
          data={WORK_MIXES}
          {...text("workMix")}
        />
      </SimpleGrid>
      <Checkbox
        label="Flagship: the project the packet leads with"
        description={
          otherFlagship
            ? `One per report. “${otherFlagship.title}” is the flagship now: marking this one unmarks it.`
            : "One per report: marking another item later unmarks this one."
        }
        {...form.checkbox("flagship")}
      />
    </RecordForm>
  );
}
