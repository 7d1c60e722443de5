// Every date field of the app: typed as the core stores it, YYYY-MM-DD (quick to type and to
// paste into), or picked from a calendar behind the field's "Pick a date" button. Under the
// field, the date in words ("Mon 7 Dec 2026") shows what was understood, before any
// description the field has.
import { Group, Popover, TextInput, type TextInputProps } from "@mantine/core";
import { DatePicker } from "@mantine/dates";
import { useMergedRef } from "@mantine/hooks";
import { IconCalendar } from "@tabler/icons-react";
import { useRef, useState, type ReactNode, type Ref } from "react";

import { dayDate, isIsoDate, todayIso } from "../../lib/dates";
import { IconButton } from "../IconButton";

type Props = TextInputProps & {
  ref?: Ref<HTMLInputElement>;
  /**
   * A control on the field's line, right of it (a button that acts on the date): aligned with
   * the field whatever shows under it. The field is then as wide as a date.
   */
  beside?: ReactNode;
};

/** A YYYY-MM-DD date, the padding and the picker button. */
const DATE_WIDTH = "calc(10ch + 4.5rem)";

/**
 * Puts `value` in the field as if typed: the field's own onChange sees an ordinary change
 * event, so every form (and every `{...form.text(name)}` spread) takes a picked date as it
 * takes a typed one.
 */
function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function DateInput({ ref, description, disabled, readOnly, beside, ...props }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const merged = useMergedRef(input, ref);
  const [picking, setPicking] = useState(false);
  const typed = String(props.value ?? "").trim();
  const date = isIsoDate(typed) ? typed : null;
  const words = date && dayDate(date);

  const pick = (picked: string | null) => {
    setPicking(false);
    if (!picked || !input.current) return;
    typeInto(input.current, picked);
    input.current.focus();
  };

  const picker = (
    // Roles set here, so that the calendar is named "Calendar", not after the button that opens it.
    <Popover opened={picking} onChange={setPicking} position="bottom-end" trapFocus shadow="md" disabled={disabled || readOnly} withRoles={false}>
      <Popover.Target>
        <IconButton label="Pick a date" color="gray" aria-haspopup="dialog" aria-expanded={picking} disabled={disabled || readOnly} onClick={() => setPicking((o) => !o)} data-testid="pick-date">
          <IconCalendar size={16} aria-hidden />
        </IconButton>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Calendar">
        <DatePicker
          value={date}
          defaultDate={date ?? todayIso()}
          onChange={pick}
          firstDayOfWeek={1}
          previousLabel="Previous month"
          nextLabel="Next month"
        />
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      inputMode="numeric"
      {...props}
      ref={merged}
      disabled={disabled}
      readOnly={readOnly}
      rightSection={picker}
      // Mantine lets clicks on a field's sections fall through to the field by default.
      rightSectionPointerEvents="all"
      inputContainer={
        beside
          ? (field) => (
              <Group gap="xs" wrap="nowrap">
                {field}
                {beside}
              </Group>
            )
          : undefined
      }
      styles={beside ? { wrapper: { width: DATE_WIDTH, flex: "none" } } : undefined}
      // Under the field, so the field does not move while its date is typed.
      inputWrapperOrder={["label", "input", "description", "error"]}
      description={
        words || description ? (
          <>
            {words && <span data-testid="date-in-words">{words}</span>}
            {words && description ? " · " : null}
            {description}
          </>
        ) : undefined
      }
    />
  );
}
