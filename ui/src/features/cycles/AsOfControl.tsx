// The date the radar is computed at: today by default, or any date typed to replay history.
import { Button, Text } from "@mantine/core";
import { useState } from "react";

import { DateInput } from "../../components/form/DateInput";
import { ISO_DATE } from "./format";

type Props = {
  /** YYYY-MM-DD, or "" for today. */
  value: string;
  onChange: (asOf: string) => void;
};

/** The radar follows the field as soon as it holds a whole date (or nothing: today). */
export function AsOfControl({ value, onChange }: Props) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  const incomplete = text.trim() !== "" && !ISO_DATE.test(text.trim()) && !focused;
  return (
    <DateInput
      label="As of"
      className="no-print"
      description={
        incomplete ? (
          <Text span c="red" size="xs">
            Type the whole date, YYYY-MM-DD
          </Text>
        ) : (
          "Replay the radar on another date; empty for today"
        )
      }
      aria-invalid={incomplete}
      value={text}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === "") onChange("");
        else if (ISO_DATE.test(next.trim())) onChange(next.trim());
      }}
      data-testid="as-of"
      beside={
        <Button
          variant="default"
          disabled={value === "" && text === ""}
          onClick={() => {
            setText("");
            onChange("");
          }}
        >
          Today
        </Button>
      }
    />
  );
}
