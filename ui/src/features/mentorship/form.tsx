// The small forms of the Mentorship tab (mentorship, feedback, "mark addressed") behave like
// the report form: values are kept whatever happens, the core's field issues show beside their
// fields, focus moves to the first invalid field only after a failed save, Ctrl+Enter saves,
// and typed values are not thrown away without asking.
import { Alert, Button, Group, Kbd, Text } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

import { fieldErrors, toUiError } from "../../api/ipc";
import { ErrorNotice } from "../../components/ErrorNotice";

export function useDraftForm<V extends object>(initial: V, save: (values: V) => Promise<unknown>, onCancel: () => void) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const dirty = (Object.keys(values) as (keyof V)[]).some((k) => values[k] !== initial[k]);

  // After a rejected save (only then), move focus to the first field the core complained about.
  useEffect(() => {
    if (failure) ref.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure]);

  function set<K extends keyof V>(field: K, value: V[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field as string]: _gone, ...rest }) => rest);
  }

  /** Error display and test ids for the input of `field`. */
  function field(name: keyof V & string) {
    return {
      error: errors[name],
      errorProps: { "data-testid": `error-${name}` },
      "data-testid": `field-${name}`,
    };
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    e?.stopPropagation();
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

  const cancel = () => (dirty ? setConfirmDiscard(true) : onCancel());

  return {
    values,
    set,
    field,
    errors,
    failure,
    saving,
    cancel,
    confirmDiscard,
    keepEditing: () => setConfirmDiscard(false),
    discard: onCancel,
    formProps: {
      ref,
      noValidate: true,
      onSubmit: (e: FormEvent) => void submit(e),
      onKeyDown: getHotkeyHandler([["mod+Enter", () => void submit()]]),
    },
  };
}

export type DraftForm = ReturnType<typeof useDraftForm>;

/** "Nothing was saved…" for a rejected draft; any other failure in full, with `actions`. */
export function FormFailure({ form, actions }: { form: Pick<DraftForm, "failure" | "errors">; actions?: ReactNode }) {
  if (form.failure === null) return null;
  const detail = toUiError(form.failure);
  if (detail.kind !== "validation") return <ErrorNotice error={form.failure}>{actions}</ErrorNotice>;
  const count = Object.keys(form.errors).length;
  return (
    <Alert color="orange" role="alert" data-testid="form-summary">
      Nothing was saved. {detail.message} Your entries are kept; fix the highlighted{" "}
      {count === 1 ? "field" : "fields"} and save again.
    </Alert>
  );
}

/** The discard question, the Ctrl+Enter hint, Cancel and the submit button. */
export function FormFooter({
  form,
  submitLabel,
  submitTestId,
}: {
  form: Pick<DraftForm, "confirmDiscard" | "discard" | "keepEditing" | "cancel" | "saving">;
  submitLabel: string;
  submitTestId?: string;
}) {
  return (
    <>
      {form.confirmDiscard && (
        <Alert color="yellow" title="Discard your changes?" data-testid="confirm-discard">
          <Group mt="xs">
            <Button color="red" variant="light" onClick={form.discard}>
              Discard changes
            </Button>
            <Button variant="default" onClick={form.keepEditing} autoFocus>
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
          <Button variant="default" onClick={form.cancel} type="button">
            Cancel
          </Button>
          <Button type="submit" loading={form.saving} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </>
  );
}
