import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";

import { toUiError } from "../api/ipc";

const TITLES: Record<string, string> = {
  validation: "Some fields need attention",
  not_found: "Not found",
  conflict: "This clashes with what is stored",
  storage: "The data could not be read or written",
  ipc: "The app could not complete the request",
};

/** Shows any error from a command: its kind as the title, its message in full. */
export function ErrorNotice({ error, children }: { error: unknown; children?: ReactNode }) {
  const detail = toUiError(error);
  return (
    <Alert
      color={detail.kind === "validation" ? "orange" : "red"}
      title={TITLES[detail.kind] ?? "Something went wrong"}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="error-notice"
    >
      {detail.message}
      {children}
    </Alert>
  );
}
