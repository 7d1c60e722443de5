// A button that is only an icon: its label is its accessible name and, through <Hints />, the
// hint shown on hover and keyboard focus.
import { ActionIcon, type ActionIconProps } from "@mantine/core";
import type { ComponentPropsWithoutRef, ReactNode, Ref } from "react";

type Props = ActionIconProps &
  Omit<ComponentPropsWithoutRef<"button">, keyof ActionIconProps | "aria-label"> & {
    /** What the button does, in words: "Delete the note “We agreed…”". */
    label: string;
    /** A shorter (or more telling) hint than the label, when the label is long for the screen. */
    hint?: string;
    ref?: Ref<HTMLButtonElement>;
    children: ReactNode;
  };

export function IconButton({ label, hint, children, ...props }: Props) {
  return (
    <ActionIcon variant="subtle" aria-label={label} data-hint={hint ?? label} {...props}>
      {children}
    </ActionIcon>
  );
}
