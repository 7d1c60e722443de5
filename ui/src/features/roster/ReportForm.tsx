import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Kbd,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

import type { LadderLevel } from "../../bindings";
import { fieldErrors, toUiError } from "../../api/ipc";
import { ErrorNotice } from "../../components/ErrorNotice";
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
  /** Extra content for a non-field error (e.g. a reload button for a conflict). */
  errorActions?: (error: unknown) => ReactNode;
};

const CHOOSE = { value: "", label: "Choose…" };

/** Add or edit a report. Values stay in the form whatever the outcome: nothing typed is lost. */
export function ReportForm({ initial, ladder, teams, submitLabel, onSubmit, onCancel, errorActions }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dirty = (Object.keys(values) as (keyof ReportFormValues)[]).some((k) => values[k] !== initial[k]);
  const cancel = () => (dirty ? setConfirmDiscard(true) : onCancel());
  const formRef = useRef<HTMLFormElement>(null);

  // After a rejected save (only then), move focus to the first field the core complained about.
  useEffect(() => {
    if (failure) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure]);

  const set = (field: keyof ReportFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };
  const input = (field: keyof ReportFormValues) => ({
    value: values[field],
    error: errors[field],
    errorProps: { "data-testid": `error-${field}` },
    "data-testid": `field-${field}`,
  });

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure(err);
    } finally {
      setSaving(false);
    }
  }

  const levels = [CHOOSE, ...ladder.map((l) => ({ value: l.id, label: l.name }))];
  const archetypes = [CHOOSE, ...ARCHETYPES.map((a) => ({ value: a.value, label: a.label }))];
  const hint = (value: string) => ARCHETYPES.find((a) => a.value === value)?.hint ?? "Tech Lead, Architect, Solver or Right Hand";
  const failureKind = failure ? toUiError(failure).kind : null;

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      onKeyDown={getHotkeyHandler([["mod+Enter", () => void submit()]])}
      noValidate
      aria-label="Report"
    >
      <Stack gap="md" maw={880}>
        {failure !== null && failureKind === "validation" && (
          <Alert color="orange" role="alert" data-testid="form-summary">
            Nothing was saved. {toUiError(failure).message} Your entries are kept; fix the
            highlighted {Object.keys(errors).length === 1 ? "field" : "fields"} and save again.
          </Alert>
        )}
        {failure !== null && failureKind !== "validation" && (
          <ErrorNotice error={failure}>{errorActions?.(failure)}</ErrorNotice>
        )}
        <TextInput label="Name" withAsterisk autoFocus {...input("name")} onChange={(e) => set("name")(e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <NativeSelect label="Current level" withAsterisk data={levels} {...input("currentLevelId")} onChange={(e) => set("currentLevelId")(e.currentTarget.value)} />
          <NativeSelect
            label="Target level"
            description="The same as the current level when no promotion is sought"
            withAsterisk
            data={levels}
            {...input("targetLevelId")}
            onChange={(e) => set("targetLevelId")(e.currentTarget.value)}
          />
          <Autocomplete label="Team" withAsterisk data={teams} {...input("team")} onChange={set("team")} />
          <TextInput
            label="In role since"
            description="When they started at their current level"
            placeholder="YYYY-MM-DD"
            withAsterisk
            inputMode="numeric"
            {...input("inRoleSince")}
            onChange={(e) => set("inRoleSince")(e.currentTarget.value)}
          />
          <NativeSelect
            label="Archetype they work as"
            description={hint(values.archetypeWorked)}
            withAsterisk
            data={archetypes}
            {...input("archetypeWorked")}
            onChange={(e) => set("archetypeWorked")(e.currentTarget.value)}
          />
          <NativeSelect
            label="Archetype the organisation needs"
            description={hint(values.archetypeNeeded)}
            withAsterisk
            data={archetypes}
            {...input("archetypeNeeded")}
            onChange={(e) => set("archetypeNeeded")(e.currentTarget.value)}
          />
          <NativeSelect
            label="Team strength"
            withAsterisk
            data={[CHOOSE, ...TEAM_STRENGTHS]}
            {...input("teamStrength")}
            onChange={(e) => set("teamStrength")(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea label="Notes" description="Private to you" autosize minRows={3} maxRows={12} {...input("notes")} onChange={(e) => set("notes")(e.currentTarget.value)} />
        {confirmDiscard && (
          <Alert color="yellow" title="Discard your changes?" data-testid="confirm-discard">
            <Group mt="xs">
              <Button color="red" variant="light" onClick={onCancel}>
                Discard changes
              </Button>
              <Button variant="default" onClick={() => setConfirmDiscard(false)} autoFocus>
                Keep editing
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> saves from any field
          </Text>
          <Group>
            <Button variant="default" onClick={cancel} type="button">
              Cancel
            </Button>
            <Button type="submit" loading={saving} data-testid="save-report">
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
