// What a screen, tab or list shows with nothing in it yet, one look everywhere: what is
// missing, one sentence saying what to do next, the button or link that does it, and (smaller)
// why it is worth doing. A card or section with nothing in it says the same in one line.
import { EmptyState, Text } from "@mantine/core";
import type { ReactNode } from "react";

import classes from "./Empty.module.css";

type EmptyProps = {
  /** What is missing: "No evidence yet". */
  title: string;
  /** What to do next, a sentence addressed to the manager. */
  next: ReactNode;
  /** The button or link that does it (none where the page is read-only). */
  action?: ReactNode;
  /** Why it is worth doing, after the action. */
  why?: ReactNode;
  icon?: ReactNode;
  /** The heading level of the title in its page (a tab's content sits under an h2 and its tabs). */
  order?: 2 | 3 | 4;
  testId?: string;
  /** Anything more, after the rest (a list of what the radar checks). */
  children?: ReactNode;
};

export function Empty({ title, next, action, why, icon, order = 3, testId, children }: EmptyProps) {
  return (
    <EmptyState icon={icon} py="md" data-testid={testId}>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      <EmptyState.Description c="var(--mantine-color-text)" data-testid={testId && `${testId}-next`}>
        {next}
      </EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      {why && (
        <Text size="sm" c="dimmed" maw="36rem">
          {why}
        </Text>
      )}
      {children}
    </EmptyState>
  );
}

/** A card or section of a page with nothing in it: what to do next, with its link, in one line. */
export function EmptyLine({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text size="sm" c="dimmed" className={classes.line} data-testid={testId}>
      {children}
    </Text>
  );
}
