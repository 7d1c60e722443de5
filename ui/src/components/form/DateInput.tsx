import { TextInput, type TextInputProps } from "@mantine/core";

/** A date typed as the core stores it, YYYY-MM-DD: a plain text field, quick to type and to paste into. */
export function DateInput(props: TextInputProps) {
  return <TextInput placeholder="YYYY-MM-DD" inputMode="numeric" {...props} />;
}
