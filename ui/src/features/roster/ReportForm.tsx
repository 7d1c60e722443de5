import { Autocomplete, Box, NativeSelect, SimpleGrid, TextInput, Textarea } from "@mantine/core";

import type { LadderLevel } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { ARCHETYPES, TEAM_STRENGTHS } from "../../lib/labels";
import type { ReportFormValues } from "./draft";

type Props = {
  initial: ReportFormValues;
  ladder: LadderLevel[];
  /** Team names already in use, offered as suggestions. */
  teams: string[];
  submitLabel: string;
  /** Saves the values; rejects with a CommandError whose field issues are shown inline. */
  onSubmit: (values: ReportFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Offered with a conflict: drop the edits and load the stored report. */
  onReload?: () => void;
};

const CHOOSE = { value: "", label: "Choose…" };

/** Add or edit a report. Values stay in the form whatever the outcome: nothing typed is lost. */
export function ReportForm({ initial, ladder, teams, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const form = useRecordForm(initial, onSubmit);
  const { values, text } = form;
  const levels = [CHOOSE, ...ladder.map((l) => ({ value: l.id, label: l.name }))];
  const archetypes = [CHOOSE, ...ARCHETYPES.map((a) => ({ value: a.value, label: a.label }))];
  const hint = (value: string) => ARCHETYPES.find((a) => a.value === value)?.hint ?? "Tech Lead, Architect, Solver or Right Hand";

  return (
    <Box maw={880}>
      <RecordForm
        form={form}
        label="Report"
        submitLabel={submitLabel}
        submitTestId="save-report"
        onCancel={onCancel}
        onReload={onReload}
        gap="md"
      >
        <TextInput label="Name" withAsterisk autoFocus {...text("name")} />
        <SimpleGrid cols={2}>
          <NativeSelect label="Current level" withAsterisk data={levels} {...text("currentLevelId")} />
          <NativeSelect
            label="Target level"
            description="The same as the current level when no promotion is sought"
            withAsterisk
            data={levels}
            {...text("targetLevelId")}
          />
          <Autocomplete
            label="Team"
            withAsterisk
            data={teams}
            {...form.field("team")}
            value={values.team}
            onChange={(team) => form.set("team", team)}
          />
          <DateInput label="In role since" description="When they started at their current level" withAsterisk {...text("inRoleSince")} />
          <NativeSelect
            label="Archetype they work as"
            description={hint(values.archetypeWorked)}
            withAsterisk
            data={archetypes}
            {...text("archetypeWorked")}
          />
          <NativeSelect
            label="Archetype the organisation needs"
            description={hint(values.archetypeNeeded)}
            withAsterisk
            data={archetypes}
            {...text("archetypeNeeded")}
          />
          <NativeSelect label="Team strength" withAsterisk data={[CHOOSE, ...TEAM_STRENGTHS]} {...text("teamStrength")} />
        </SimpleGrid>
        <Textarea label="Notes" description="Private to you" autosize minRows={3} maxRows={12} {...text("notes")} />
      </RecordForm>
    </Box>
  );
}
