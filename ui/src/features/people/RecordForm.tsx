// The form behaviour of ReportForm, for the staff record's smaller forms (people, mandates,
// advocates): values kept in state whatever happens, the core's field errors shown inline, a
// "Nothing was saved" summary, focus on the first invalid field after a failed save only,
// Ctrl+Enter to save and a guard against losing typed values on Cancel.
import { Alert, Button, Group, Kbd, Stack, Text } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

import { fieldErrors, toUiError } from "../../api/ipc";
import { ErrorNotice } from "../../components/ErrorNotice";

type Values = Record<string, string>;

/** State and handlers of one form whose values are all strings, as inputs hold them. */
export function useRecordForm<V extends Values>(initial: V, save: (values: V) => Promise<unknown>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const dirty = Object.keys(values).some((k) => values[k] !== initial[k]);

  const set = (field: keyof V & string) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  /** Props for a Mantine input bound to `field` (value, inline error and test ids). */
  const input = (field: keyof V & string) => ({
    value: values[field],
    error: errors[field],
    errorProps: { "data-testid": `error-${field}` },
    "data-testid": `field-${field}`,
  });

  /** `input(field)` plus an onChange for text inputs, textareas and native selects. */
  const bind = (field: keyof V & string) => ({
    ...input(field),
    onChange: (e: { currentTarget: { value: string } }) => set(field)(e.currentTarget.value),
  });

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    try {
      await save(values);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure(err);
    } finally {
      setSaving(false);
    }
  }

  return { values, errors, failure, saving, dirty, set, input, bind, submit };
}

export type RecordFormState = ReturnType<typeof useRecordForm<Values>>;

type Props = {
  form: Pick<RecordFormState, "errors" | "failure" | "saving" | "dirty" | "submit">;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  submitColor?: string;
  onCancel: () => void;
  /** Extra content for a non-field error (e.g. a button to load the latest version). */
  errorActions?: (error: unknown) => ReactNode;
  children: ReactNode;
};

export function RecordForm({ form, label, submitLabel, submitColor, onCancel, errorActions, children }: Props) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const { failure, errors } = form;

  // On opening, the first field takes focus (unless one asked for it already).
  useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) el.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, []);

  // After a rejected save (only then), move focus to the first field the core complained about.
  useEffect(() => {
    if (failure) ref.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure]);

  const kind = failure ? toUiError(failure).kind : null;
  const count = Object.keys(errors).length;

  return (
    <form
      ref={ref}
      aria-label={label}
      noValidate
      onSubmit={(e) => void form.submit(e)}
      onKeyDown={getHotkeyHandler([["mod+Enter", () => void form.submit()]])}
    >
      <Stack gap="sm">
        {failure !== null && kind === "validation" && (
          <Alert color="orange" role="alert" data-testid="form-summary">
            Nothing was saved. {toUiError(failure).message} Your entries are kept; fix the
            highlighted {count === 1 ? "field" : "fields"} and save again.
          </Alert>
        )}
        {failure !== null && kind !== "validation" && <ErrorNotice error={failure}>{errorActions?.(failure)}</ErrorNotice>}
        {children}
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
            <Button variant="default" type="button" onClick={() => (form.dirty ? setConfirmDiscard(true) : onCancel())}>
              Cancel
            </Button>
            <Button type="submit" color={submitColor} loading={form.saving}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** How a record card looks while search or the timeline brings it into view. */
export function targetStyle(isTarget: boolean) {
  return isTarget
    ? { outline: "3px solid var(--mantine-color-yellow-5)", outlineOffset: 2, transition: "outline-color 0.3s" }
    : undefined;
}
