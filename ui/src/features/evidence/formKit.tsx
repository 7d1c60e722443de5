// What the evidence and visibility forms share with the report form (the model): values kept
// whatever happens, the core's field errors inline, a "Nothing was saved" summary, focus to the
// first invalid field only after a failed save, Ctrl+Enter to save, a guard on Cancel.
import { Alert, Button, Group, Kbd, Stack, Text } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";

import { fieldErrors, toUiError } from "../../api/ipc";
import { ErrorNotice } from "../../components/ErrorNotice";

export type Errors = Record<string, string>;

export function useRecordForm<V extends object>(initial: V, save: (values: V) => Promise<unknown>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // After a rejected save (only then), move focus to the first field the core complained about.
  useEffect(() => {
    if (failure) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure]);

  function set<K extends keyof V>(field: K, value: V[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field as string]: _gone, ...rest }) => rest);
  }

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

  /** Props for a text-like control bound to a string field. */
  function text<K extends keyof V & string>(field: K) {
    return {
      value: values[field] as string,
      error: errors[field],
      errorProps: { "data-testid": `error-${field}` },
      "data-testid": `field-${field}`,
      onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value as V[K]),
    };
  }

  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  return { values, set, errors, setErrors, failure, saving, submit, text, dirty, formRef };
}

export type RecordForm<V extends object> = ReturnType<typeof useRecordForm<V>>;

type FrameProps<V extends object> = {
  form: RecordForm<V>;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  onCancel: () => void;
  /** Offered with a conflict: drop the edits and show what is stored now. */
  onReload?: () => void;
  children: ReactNode;
};

export function FormFrame<V extends object>({ form, label, submitLabel, onCancel, onReload, children }: FrameProps<V>) {
  const { formRef, failure, errors, saving, dirty, submit } = form;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const hotkeys = getHotkeyHandler([["mod+Enter", () => void submit()]]);
  // Keys from a dialog opened inside the form (adding a person) bubble here through the portal.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.currentTarget.contains(e.target as Node)) hotkeys(e);
  };
  const kind = failure ? toUiError(failure).kind : null;
  const count = Object.keys(errors).length;
  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-label={label}>
      <Stack gap="sm">
        {kind === "validation" && (
          <Alert color="orange" role="alert" data-testid="form-summary">
            Nothing was saved. {toUiError(failure).message} Your entries are kept; fix the
            highlighted {count === 1 ? "field" : "fields"} and save again.
          </Alert>
        )}
        {kind !== null && kind !== "validation" && (
          <ErrorNotice error={failure}>
            {kind === "conflict" && onReload && (
              <Button mt="xs" size="xs" variant="light" onClick={onReload}>
                Discard my changes and show the latest version
              </Button>
            )}
          </ErrorNotice>
        )}
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
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> saves
          </Text>
          <Group gap="xs">
            <Button variant="default" type="button" onClick={() => (dirty ? setConfirmDiscard(true) : onCancel())}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
