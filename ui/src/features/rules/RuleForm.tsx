// Add or edit a rule of thumb: its wording, who said it, when and where, whether it is
// confirmed, whom it applies to, and an optional machine check the radar runs.
import { Checkbox, Group, MultiSelect, NativeSelect, NumberInput, Radio, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { RuleOfThumb } from "../../bindings";
import { useLadder } from "../../api/queries";
import { radarKeys, useCreateRule, useUpdateRule } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { ARCHETYPES, EVIDENCE_KINDS } from "../../lib/labels";
import { describeCheck } from "../../lib/checks";
import { CHECK_KINDS, RULE_SOURCES, checkOf, emptyRule, formFromRule, ruleDraft } from "./draft";

type Props = { rule?: RuleOfThumb; onDone: (savedId?: string) => void };

export function RuleForm({ rule, onDone }: Props) {
  const create = useCreateRule();
  const update = useUpdateRule();
  const ladder = useLadder();
  const client = useQueryClient();
  const form = useRecordForm(rule ? formFromRule(rule) : emptyRule(), async (values) => {
    const draft = ruleDraft(values);
    const saved = rule ? await update.mutateAsync({ id: rule.id, expectedVersion: rule.version, draft }) : await create.mutateAsync(draft);
    notifications.show({ message: rule ? "Saved the rule of thumb." : `Added “${saved.wording}” to the register.`, color: "teal" });
    onDone(saved.id);
  });
  const { values, set, text, errors } = form;
  const kind = CHECK_KINDS.find((k) => k.value === values.check);
  const check = checkOf(values);
  const checkError = { error: errors.check, errorProps: { "data-testid": "error-check" } };

  return (
    <RecordForm
      form={form}
      label={rule ? "Edit the rule of thumb" : "New rule of thumb"}
      submitLabel={rule ? "Save changes" : "Add rule"}
      onCancel={() => onDone()}
      onReload={rule ? () => void client.invalidateQueries({ queryKey: radarKeys.rules }) : undefined}
    >
      <Textarea
        label="Wording"
        description="As it was said: “is the impact big enough?”, “we need to see it in production for a year”"
        withAsterisk
        autosize
        minRows={2}
        autoFocus
        {...text("wording")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonPicker
          label="Who said it"
          description="Optional: a leader, a committee member, a reviewer"
          newRelationship="leadership"
          value={values.saidById || null}
          onChange={(id) => set("saidById", id ?? "")}
          {...form.field("saidById")}
        />
        <DateInput label="Said on" withAsterisk {...text("saidOn")} />
        <NativeSelect
          label="Where it was said"
          withAsterisk
          data={[{ value: "", label: "Choose…" }, ...RULE_SOURCES]}
          {...text("source")}
        />
        <TextInput label="Where exactly" description="Which packet review, calibration or meeting" {...text("sourceDetail")} />
      </SimpleGrid>
      <Radio.Group
        label="Confirmed or hearsay"
        description="Confirmed: you heard it first-hand or saw it applied. Hearsay: passed on, not yet confirmed."
        value={values.standing}
        onChange={(v) => set("standing", v)}
      >
        <Group mt={6}>
          <Radio value="confirmed" label="Confirmed" />
          <Radio value="hearsay" label="Hearsay" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Levels it applies to"
          description="Target levels; none chosen means every level"
          placeholder={values.levels.length ? undefined : "Every level"}
          data={(ladder.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={values.levels}
          onChange={(v) => set("levels", v)}
          {...form.field("levels")}
        />
        <MultiSelect
          label="Archetypes it applies to"
          description="None chosen means every archetype"
          placeholder={values.archetypes.length ? undefined : "Every archetype"}
          data={ARCHETYPES.map((a) => ({ value: a.value, label: a.label }))}
          value={values.archetypes}
          onChange={(v) => set("archetypes", v)}
          {...form.field("archetypes")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Machine check"
          description={check ? `The radar checks: ${describeCheck(check)}.` : "None: you mark it met or unmet on each candidate's checklist."}
          data={[{ value: "", label: "None: I judge it myself" }, ...CHECK_KINDS.map((k) => ({ value: k.value, label: k.label }))]}
          value={values.check}
          onChange={(e) => {
            const next = CHECK_KINDS.find((k) => k.value === e.currentTarget.value);
            set("check", e.currentTarget.value);
            set("checkNumber", next?.param ? next.start : "");
          }}
          data-testid="field-check"
          {...(kind?.param === undefined ? checkError : {})}
        />
        {kind?.param && (
          <NumberInput
            label={kind.param}
            withAsterisk
            allowDecimal={false}
            allowNegative={false}
            value={values.checkNumber}
            onChange={(v) => {
              set("checkNumber", v);
              form.setErrors(({ check: _gone, ...rest }) => rest);
            }}
            {...checkError}
          />
        )}
        {kind && !kind.param && (
          <MultiSelect
            label="Kinds of work led"
            description="Any one of them counts"
            withAsterisk
            data={EVIDENCE_KINDS}
            value={values.checkEvidenceKinds}
            onChange={(v) => {
              set("checkEvidenceKinds", v);
              form.setErrors(({ check: _gone, ...rest }) => rest);
            }}
            placeholder={values.checkEvidenceKinds.length ? undefined : "Choose at least one kind"}
            data-testid="field-checkEvidenceKinds"
            {...checkError}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label="Retired: no longer applies (kept in the register for the record)"
        checked={values.retired}
        onChange={(e) => set("retired", e.currentTarget.checked)}
      />
    </RecordForm>
  );
}
