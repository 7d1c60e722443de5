import { Autocomplete, Box, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";

import type { LadderLevel } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { CADENCES, lapseDays } from "../../lib/cadence";
import { ARCHETYPES, TEAM_STRENGTHS } from "../../lib/labels";
import { CUSTOM_CADENCE, type ReportFormValues } from "./draft";

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
          <CadenceField form={form} />
        </SimpleGrid>
        <Textarea label="Notes" description="Private to you" autosize minRows={3} maxRows={12} {...text("notes")} />
      </RecordForm>
    </Box>
  );
}

const CADENCE_OPTIONS = [
  ...CADENCES.map((c) => ({ value: String(c.days), label: c.label })),
  { value: CUSTOM_CADENCE, label: "Another number of days…" },
];

/**
 * "1:1 every": the usual cadences, or a number of days typed beside it. The core's complaint
 * (about `oneOnOneEveryDays`) shows at the control that holds the number.
 */
function CadenceField({ form }: { form: ReturnType<typeof useRecordForm<ReportFormValues>> }) {
  const { values } = form;
  const custom = values.oneOnOneEvery === CUSTOM_CADENCE;
  const error = form.errors.oneOnOneEveryDays;
  const clearError = () => form.setErrors(({ oneOnOneEveryDays: _gone, ...rest }) => rest);
  const days = Number(custom ? values.oneOnOneDays : values.oneOnOneEvery);
  const description =
    Number.isInteger(days) && days > 0
      ? `The radar raises “No recent 1:1” when more than ${lapseDays(days)} days pass without one`
      : "How often you mean to meet; the radar raises “No recent 1:1” after one and a half times this";
  const errorProps = { error, errorProps: { "data-testid": "error-oneOnOneEveryDays" } };
  return (
    <Stack gap="xs">
      <NativeSelect
        label="1:1 every"
        description={description}
        data={CADENCE_OPTIONS}
        value={values.oneOnOneEvery}
        onChange={(e) => {
          const next = e.currentTarget.value;
          // Starting a custom cadence from the one chosen so far.
          if (next === CUSTOM_CADENCE && !custom && values.oneOnOneDays === "") form.set("oneOnOneDays", Number(values.oneOnOneEvery) || "");
          form.set("oneOnOneEvery", next);
          clearError();
        }}
        data-testid="field-oneOnOneEvery"
        {...(custom ? {} : errorProps)}
      />
      {custom && (
        <NumberInput
          label="Days between 1:1s"
          description="From 1 to 92"
          w={200}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={values.oneOnOneDays}
          onChange={(v) => {
            form.set("oneOnOneDays", v);
            clearError();
          }}
          data-testid="field-oneOnOneDays"
          {...errorProps}
        />
      )}
    </Stack>
  );
}
