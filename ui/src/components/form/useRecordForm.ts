// The state of every form of the app (reports and the staff record). Values stay in the form
// whatever happens: nothing typed is lost. The core is the only judge of validity; its field
// issues are shown beside their fields and a failed save is remembered for RecordForm to show.
import { useRef, useState, type FormEvent } from "react";

import { fieldErrors } from "../../api/ipc";

/** The core's issues by field ("name", "links.0.url"…). */
export type Errors = Record<string, string>;

/** The fields of V that hold a string: those a text input, textarea or native select edits. */
type TextField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** The fields of V that hold a boolean: those a checkbox edits. */
type BoolField<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

/** State and handlers of one form; `save` rejects with a CommandError to have it shown. */
export function useRecordForm<V extends object>(initial: V, save: (values: V) => Promise<unknown>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Set at once, where `saving` only changes at the next render: a second Enter pressed
  // before then does not save twice.
  const busy = useRef(false);
  // Compared by content: lists (co-owners, links) rebuilt with the same entries are unchanged.
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  /** Changes one field. Its error goes: the core judges it again on the next save. */
  function set<K extends keyof V>(name: K, value: V[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name as string]: _gone, ...rest }) => rest);
  }

  /** The inline error and test ids of the control of `name` (pickers, checkboxes…). */
  function field(name: keyof V & string) {
    return {
      error: errors[name],
      errorProps: { "data-testid": `error-${name}` },
      "data-testid": `field-${name}`,
    };
  }

  /** `field(name)` with value and onChange: for text inputs, textareas and native selects. */
  function text<K extends TextField<V>>(name: K) {
    return {
      ...field(name),
      value: values[name] as string,
      onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value as V[K]),
    };
  }

  /**
   * A checkbox's checked state, onChange and inline error. Mantine's Checkbox has no
   * errorProps: its error element gets its test id through `attributes`.
   */
  function checkbox<K extends BoolField<V>>(name: K) {
    return {
      error: errors[name],
      attributes: { error: { "data-testid": `error-${name}` } },
      "data-testid": `field-${name}`,
      checked: values[name] as boolean,
      onChange: (e: { currentTarget: { checked: boolean } }) => set(name, e.currentTarget.checked as V[K]),
    };
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    // Forms can sit inside other forms through portals (a dialog): only this one saves.
    e?.stopPropagation();
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    setFailure(null);
    try {
      await save(values);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure(err);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  /** Leaves the form, unless typed values would be lost: then RecordForm asks first. */
  const cancel = (onCancel: () => void) => (dirty ? setDiscarding(true) : onCancel());
  const keepEditing = () => setDiscarding(false);

  return { values, set, field, text, checkbox, errors, setErrors, failure, saving, submit, dirty, discarding, cancel, keepEditing, formRef };
}

/** What RecordForm needs of a form, whatever its values. */
export type RecordFormState = Pick<
  ReturnType<typeof useRecordForm<object>>,
  "errors" | "failure" | "saving" | "submit" | "discarding" | "cancel" | "keepEditing" | "formRef"
>;
