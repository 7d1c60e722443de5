// The frame of every form of the app, around the fields (state in useRecordForm): the core's
// complaint summed up above them, focus to the first invalid field after a failed save (only
// then), Ctrl+Enter to save from any field, a question before typed values are thrown away,
// and the footer with Cancel and the submit button.
import { Alert, Button, Group, Kbd, Stack, Text, type MantineSpacing } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, type KeyboardEvent, type ReactNode } from "react";

import { toUiError } from "../../api/ipc";
import { ErrorNotice } from "../ErrorNotice";
import type { RecordFormState } from "./useRecordForm";

type Props = {
  form: RecordFormState;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  submitColor?: string;
  submitTestId?: string;
  onCancel: () => void;
  /** Offered with a conflict: drop the edits and load what is stored now. */
  onReload?: () => void;
  /** Extra content for an error that is not about fields. */
  errorActions?: (error: unknown) => ReactNode;
  /** Focus the first field on opening, for forms whose first control cannot take autoFocus (a picker). */
  autoFocus?: boolean;
  /** Above the error summary: a title, or what the form is about. */
  header?: ReactNode;
  gap?: MantineSpacing;
  children: ReactNode;
};

export function RecordForm(props: Props) {
  const { form, label, submitLabel, onCancel, onReload, errorActions, autoFocus, header, children } = props;
  const { formRef, failure, errors } = form;

  // On opening, when asked, the first field takes focus (unless a field took it with autoFocus).
  useEffect(() => {
    const el = formRef.current;
    if (autoFocus && el && !el.contains(document.activeElement)) el.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, [autoFocus, formRef]);

  // After a rejected save (only then), move focus to the first field the core complained about.
  useEffect(() => {
    if (failure) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure, formRef]);

  // Keys from a dialog opened inside the form (adding a person) reach it as well: through
  // React's portal, or through the DOM where there is no portal (tests). They are the dialog's.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const dialog = e.target instanceof Element ? e.target.closest("[role='dialog']") : null;
    if (!e.currentTarget.contains(e.target as Node) || (dialog && !dialog.contains(e.currentTarget))) return;
    const save = () => {
      e.stopPropagation(); // this form saves, not one around it as well
      void form.submit();
    };
    getHotkeyHandler([["mod+Enter", save]])(e);
  };

  const kind = failure === null ? null : toUiError(failure).kind;
  const count = Object.keys(errors).length;
  return (
    <form ref={formRef} aria-label={label} noValidate onSubmit={(e) => void form.submit(e)} onKeyDown={onKeyDown}>
      <Stack gap={props.gap ?? "sm"}>
        {header}
        {kind === "validation" && (
          <Alert color="orange" role="alert" data-testid="form-summary">
            Nothing was saved. {toUiError(failure).message} Your entries are kept; fix the
            highlighted {count === 1 ? "field" : "fields"} and save again.
          </Alert>
        )}
        {kind !== null && kind !== "validation" && (
          <ErrorNotice error={failure}>
            {kind === "conflict" && onReload && (
              <Button mt="sm" size="xs" variant="light" onClick={onReload}>
                Discard my changes and load the latest version
              </Button>
            )}
            {errorActions?.(failure)}
          </ErrorNotice>
        )}
        {children}
        {form.discarding && (
          <Alert color="yellow" title="Discard your changes?" data-testid="confirm-discard">
            <Group mt="xs">
              <Button color="red" variant="light" onClick={onCancel}>
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
            <Button variant="default" type="button" onClick={() => form.cancel(onCancel)}>
              Cancel
            </Button>
            <Button type="submit" color={props.submitColor} loading={form.saving} data-testid={props.submitTestId}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
