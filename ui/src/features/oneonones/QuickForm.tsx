// The frame of the 1:1s' quick inputs (add to agenda, add a note, add an action item): no
// footer, Enter (or Ctrl+Enter in a note) saves, the core's complaint shows at its field, focus
// goes there after a rejected save, and what was typed stays.
import { getHotkeyHandler } from "@mantine/hooks";
import { useEffect, type KeyboardEvent, type ReactNode } from "react";

import { toUiError } from "../../api/ipc";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { RecordFormState } from "../../components/form/useRecordForm";

type Props = {
  form: RecordFormState;
  /** The form's accessible name. */
  label: string;
  /** The fields this form shows: a complaint about any other field is shown above them. */
  fields: string[];
  children: ReactNode;
  "data-testid"?: string;
};

export function QuickForm({ form, label, fields, children, ...rest }: Props) {
  const { formRef, failure, errors } = form;
  useEffect(() => {
    if (failure) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [failure, formRef]);
  const kind = failure === null ? null : toUiError(failure).kind;
  const shown = Object.keys(errors).some((f) => fields.includes(f));
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) =>
    getHotkeyHandler([
      [
        "mod+Enter",
        () => {
          e.stopPropagation();
          void form.submit();
        },
      ],
    ])(e);
  return (
    <form ref={formRef} aria-label={label} noValidate onSubmit={(e) => void form.submit(e)} onKeyDown={onKeyDown} data-testid={rest["data-testid"]}>
      {children}
      {kind !== null && !(kind === "validation" && shown) && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={failure} />
        </div>
      )}
    </form>
  );
}
